import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; react-dom/server (browser build) needs them at import time.
Object.assign(globalThis, { TextEncoder, TextDecoder });
