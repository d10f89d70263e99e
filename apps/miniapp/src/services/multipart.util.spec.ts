import { buildMultipart, utf8Bytes } from './multipart.util';

const bytes = (s: string) => new Uint8Array(utf8Bytes(s)).buffer;

describe('buildMultipart', () => {
  it('encodes text as UTF-8 without TextEncoder', () => {
    expect(utf8Bytes('aé中😀')).toEqual([...Buffer.from('aé中😀', 'utf8')]);
  });

  it('builds a body that a standard multipart parser reads back, fields and files', async () => {
    const pdf = bytes('%PDF-1.4\n%%EOF\n');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]).buffer;
    const { body, contentType } = buildMultipart(
      { category: 'other', statement: '我没有去过武汉。\r\nLine 2', factRef: undefined },
      [
        { field: 'evidence', name: 'letter.pdf', mediaType: 'application/pdf', bytes: pdf },
        { field: 'evidence', name: 'scan "1".png', mediaType: 'image/png', bytes: png },
      ],
    );
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    expect(form.get('category')).toBe('other');
    expect(form.get('statement')).toBe('我没有去过武汉。\r\nLine 2');
    expect(form.has('factRef')).toBe(false);
    const files = form.getAll('evidence') as File[];
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['letter.pdf', 'application/pdf'],
      ['scan _1_.png', 'image/png'],
    ]);
    expect(new Uint8Array(await files[1].arrayBuffer())).toEqual(new Uint8Array(png));
    expect(Buffer.from(await files[0].arrayBuffer()).toString()).toBe('%PDF-1.4\n%%EOF\n');
  });
});
