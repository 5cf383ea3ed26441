/** Encoded formats the preprocessor accepts (AVIF arrives as libvips' `heif`). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif';

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

/**
 * Identifies the format from its magic bytes, before any decoder sees the data. This is the
 * allow-list: libvips would also parse SVG, PDF, raw formats and more, which we do not want to
 * expose to untrusted input (an SVG is parsed in full just to read its size).
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'gif';
  const head4 = ascii(bytes, 0, 4);
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(head4)) return 'tiff';
  // ISO-BMFF `ftyp` box: AVIF (and HEIC, which this libvips build cannot decode: IMAGE_DECODE later).
  if (
    ascii(bytes, 4, 8) === 'ftyp' &&
    ['avif', 'avis', 'mif1', 'msf1', 'heic', 'heix'].includes(ascii(bytes, 8, 12))
  ) {
    return 'heif';
  }
  return undefined;
}
