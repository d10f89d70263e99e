import { clock } from './clock';

/** One file part of a multipart body. */
export interface MultipartFile {
  field: string;
  name: string;
  mediaType: string;
  bytes: ArrayBuffer;
}

export interface MultipartBody {
  body: ArrayBuffer;
  contentType: string;
}

/** UTF-8 without TextEncoder, which WeChat's and Alipay's JS engines do not all have. */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Quotes a header parameter: a file name is the resident's, so no quote or line break may escape it. */
function quoted(value: string): string {
  return value.replace(/["\r\n\\]/g, '_');
}

/**
 * Builds a `multipart/form-data` body by hand. The same bytes go through `Taro.request` on every host:
 * `Taro.uploadFile` sends one file per request, and the API takes the form and all its files in one.
 */
export function buildMultipart(
  fields: Record<string, string | undefined>,
  files: readonly MultipartFile[],
  boundary = `----hc${clock.ms().toString(36)}${Math.random().toString(36).slice(2)}`,
): MultipartBody {
  const chunks: (number[] | Uint8Array)[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    chunks.push(
      utf8Bytes(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      utf8Bytes(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.name)}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`,
      ),
    );
    chunks.push(new Uint8Array(file.bytes));
    chunks.push(utf8Bytes('\r\n'));
  }
  chunks.push(utf8Bytes(`--${boundary}--\r\n`));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return { body: out.buffer, contentType: `multipart/form-data; boundary=${boundary}` };
}
