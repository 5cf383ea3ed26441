/**
 * UTF-8 and base64 over plain Uint8Arrays, so the codec runs in browsers too. In Node, Buffer is
 * used when present: it is faster for both, and axios's Node adapter only takes a Buffer body, so
 * bytes allocated here in Node are Buffers (still Uint8Arrays to every caller).
 */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A new byte array of `size` bytes; its contents are not zeroed in Node. */
export function allocBytes(size: number): Uint8Array {
  return NodeBuffer ? NodeBuffer.allocUnsafe(size) : new Uint8Array(size);
}

/** Bytes of `s` in UTF-8. */
export function utf8Length(s: string): number {
  if (NodeBuffer) return NodeBuffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte code point; a lone surrogate becomes U+FFFD (3 bytes).
      if (d >= 0xdc00 && d < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Writes `s` as UTF-8 into `buf` at `offset`; returns the bytes written. */
export function writeUtf8(buf: Uint8Array, s: string, offset: number): number {
  if (NodeBuffer && NodeBuffer.isBuffer(buf)) return buf.write(s, offset, 'utf8');
  return encoder.encodeInto(s, buf.subarray(offset)).written;
}

export function utf8Encode(s: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(s, 'utf8') : encoder.encode(s);
}

export function utf8Decode(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return decoder.decode(bytes);
}

export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decodes base64; undefined when `s` is not valid base64. */
export function fromBase64(s: string): Uint8Array | undefined {
  let bytes: Uint8Array;
  if (NodeBuffer) bytes = NodeBuffer.from(s, 'base64');
  else {
    try {
      const binary = atob(s);
      bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    } catch {
      return undefined;
    }
  }
  // Node skips characters outside the alphabet; a length that does not add up means there were some.
  let pad = 0;
  while (pad < 2 && s.charCodeAt(s.length - 1 - pad) === 61) pad++;
  return bytes.length === Math.floor(((s.length - pad) * 3) / 4) ? bytes : undefined;
}

/** A byte view of any binary body: a Uint8Array as is, an ArrayBuffer (browsers) wrapped. */
export function asBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return utf8Encode(data);
  return new Uint8Array(0);
}
