import { colorDedupeKey, colorNotBefore, colorWindow } from './color-notice-window.util';

describe('colour-change notice windows', () => {
  const at = (iso: string) => new Date(iso);

  it('puts every change of one clock hour in the same window and key', () => {
    const a = colorWindow(at('2026-12-07T10:00:00Z'), 60);
    expect(colorWindow(at('2026-12-07T10:59:59.999Z'), 60)).toBe(a);
    expect(colorWindow(at('2026-12-07T11:00:00Z'), 60)).toBe(a + 1);
    expect(colorDedupeKey('r1', a)).toBe(`color:r1:${a}`);
  });

  it('sends after the debounce in the current window, and at the opening of a later one', () => {
    const now = at('2026-12-07T10:20:00Z');
    const w = colorWindow(now, 60);
    expect(colorNotBefore(now, w, 60, 120).toISOString()).toBe('2026-12-07T10:22:00.000Z');
    expect(colorNotBefore(now, w + 1, 60, 120).toISOString()).toBe('2026-12-07T11:00:00.000Z');
  });
});
