import { DownloadError } from './errors.js';

/** A decoded `data:` URL. */
export interface DataUrlContent {
  bytes: Buffer;
  /** Declared media type, lower-cased, without parameters (`text/plain` when absent, per RFC 2397). */
  mediaType: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a `data:` URL (base64 or percent-encoded) without ever holding more than `maxBytes`
 * of output: base64 is sized before decoding, percent-encoding is cut off while decoding.
 * @throws DownloadError DOWNLOAD_INVALID_URL when malformed, DOWNLOAD_TOO_LARGE when over the cap
 */
export function decodeDataUrl(url: string, maxBytes: number): DataUrlContent {
  const text = url.trim();
  const comma = text.indexOf(',');
  if (!/^data:/i.test(text) || comma === -1) {
    throw new DownloadError('DOWNLOAD_INVALID_URL', 'malformed data: URL (no comma)');
  }
  const header = text
    .slice(5, comma)
    .split(';')
    .map((part) => part.trim());
  const isBase64 = header.length > 1 && header[header.length - 1]?.toLowerCase() === 'base64';
  const mediaType = header[0]?.toLowerCase() || 'text/plain';
  const payload = text.slice(comma + 1);
  if (!isBase64) return { bytes: percentDecode(payload, maxBytes), mediaType };
  const compact = payload.includes('%') ? percentDecode(payload, payload.length).toString('latin1') : payload;
  const base64 = compact.replace(/[\t\n\f\r ]/g, '');
  if (!BASE64.test(base64)) throw new DownloadError('DOWNLOAD_INVALID_URL', 'data: URL has invalid base64');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  if (Math.floor((base64.length * 3) / 4) - padding > maxBytes) throw tooLarge(maxBytes);
  return { bytes: Buffer.from(base64, 'base64'), mediaType };
}

/** Percent-decodes to bytes (other characters as UTF-8), failing once past `maxBytes`. */
function percentDecode(text: string, maxBytes: number): Buffer {
  const out = Buffer.allocUnsafe(Math.min(Buffer.byteLength(text), maxBytes + 1));
  let length = 0;
  const push = (chunk: Buffer | number): void => {
    const size = typeof chunk === 'number' ? 1 : chunk.length;
    if (length + size > maxBytes) throw tooLarge(maxBytes);
    if (typeof chunk === 'number') out[length] = chunk;
    else chunk.copy(out, length);
    length += size;
  };
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = text.codePointAt(i) ?? 0;
    if (code < 0x80) push(code);
    else {
      const char = String.fromCodePoint(code);
      push(Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  return Buffer.from(out.subarray(0, length));
}

function tooLarge(maxBytes: number): DownloadError {
  return new DownloadError('DOWNLOAD_TOO_LARGE', `data: URL is larger than ${maxBytes} bytes`);
}
