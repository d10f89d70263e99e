// jsdom lacks a few browser APIs antd relies on; these are the shims known to work here (see shared STACK.md).
import '@testing-library/jest-dom';

import { configure } from '@testing-library/react';

import { TextDecoder, TextEncoder } from 'node:util';

import { sessionStore } from './src/services/session';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// Lazy pages load on first use. On a busy 2-core machine (npm test runs this tier beside the medium tier) a first
// render took over 4 s (fresh-clone CI: the queues and appeals specs). A wait only lasts until its element shows, so
// a longer bound costs nothing when the page works and still fails, with the DOM printed, when it does not.
configure({ asyncUtilTimeout: 15_000 });

if (typeof globalThis.MessageChannel === 'undefined') {
  // rc-components schedule work through MessageChannel; a timer-backed pair is enough under jsdom.
  class MessagePortShim {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    other: MessagePortShim | null = null;
    postMessage(data: unknown) {
      const target = this.other;
      setTimeout(() => target?.onmessage?.({ data }), 0);
    }
    close() {}
  }
  class MessageChannelShim {
    port1 = new MessagePortShim();
    port2 = new MessagePortShim();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  }
  Object.assign(globalThis, { MessageChannel: MessageChannelShim });
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

if (typeof globalThis.Request === 'undefined') {
  // react-router's data routers wrap every navigation in a Request; jsdom has none. Node's own Request
  // rejects jsdom's AbortSignal, so a look-alike carrying what the router reads is used instead.
  class RequestShim {
    readonly url: string;
    readonly method: string;
    readonly signal: AbortSignal;
    constructor(input: string | URL | { url: string }, init: { method?: string; signal?: AbortSignal } = {}) {
      this.url = typeof input === 'object' && 'url' in input ? input.url : String(input);
      this.method = (init.method ?? 'GET').toUpperCase();
      this.signal = init.signal ?? new AbortController().signal;
    }
  }
  Object.assign(globalThis, { Request: RequestShim });
}

class ResizeObserverShim {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverShim });

// zrender measures label text on a 2D canvas, which jsdom lacks; a fixed-width font is close enough here.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return { font: '', measureText: (text: string) => ({ width: text.length * 7 }) };
} as unknown as typeof HTMLCanvasElement.prototype.getContext;

// jsdom throws "Not implemented" for pseudo-elements; antd only asks for them to measure scrollbars.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => originalGetComputedStyle(element);

afterEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
  sessionStore.reset();
  // jsdom has no fetch: each test stubs the network boundary itself (src/test/fetch-stub.ts).
  Reflect.deleteProperty(globalThis, 'fetch');
});
