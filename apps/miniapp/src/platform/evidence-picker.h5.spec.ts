/**
 * @jest-environment jsdom
 */
import { evidencePicker } from './evidence-picker.h5';

describe('H5 evidence picker', () => {
  it('opens a file chooser limited to PDF, JPEG and PNG and reads the chosen files', async () => {
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    const picked = evidencePicker.pick('file', 2);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('application/pdf,image/jpeg,image/png');
    expect(input.multiple).toBe(true);
    expect(click).toHaveBeenCalled();
    const file = (name: string) =>
      Object.assign(new Blob(['%PDF-1.4']), {
        name,
        arrayBuffer: async () => new TextEncoder().encode('%PDF-1.4').buffer,
      });
    Object.defineProperty(input, 'files', { value: [file('a.pdf'), file('b.pdf'), file('c.pdf')] });
    input.dispatchEvent(new Event('change'));
    const files = await picked;
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['a.pdf', 8],
      ['b.pdf', 8],
    ]);
    expect(new Uint8Array(files[0].bytes)[0]).toBe(0x25);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('resolves with nothing when the chooser is cancelled', async () => {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    const picked = evidencePicker.pick('file', 1);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.multiple).toBe(false);
    input.dispatchEvent(new Event('cancel'));
    await expect(picked).resolves.toEqual([]);
  });
});
