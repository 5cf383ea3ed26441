/** ISO-BMFF brands (bytes 8..12 after `ftyp`) of AVIF and HEIF images. */
const HEIF_BRANDS: Record<string, string> = {
  avif: 'image/avif',
  avis: 'image/avif',
  heic: 'image/heic',
  heix: 'image/heic',
  hevc: 'image/heic-sequence',
  hevx: 'image/heic-sequence',
  heim: 'image/heif',
  heis: 'image/heif',
  mif1: 'image/heif',
  msf1: 'image/heif-sequence',
};

/** DIB header sizes a real BMP can carry; "BM" alone is too weak a signature. */
const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}

/**
 * Recognises an image format from its first bytes (JPEG, PNG, GIF, WebP, TIFF, AVIF/HEIF, BMP).
 * @returns the format's media type, or null when the bytes are not one of them
 */
export function sniffImageType(bytes: Buffer): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  // Classic TIFF (42) and BigTIFF (43), both byte orders.
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(bytes, 0, 4))) return 'image/tiff';
  if (ascii(bytes, 4, 8) === 'ftyp') return HEIF_BRANDS[ascii(bytes, 8, 12)] ?? null;
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 18) {
    const reservedZero = bytes.readUInt32LE(6) === 0;
    if (reservedZero && BMP_HEADER_SIZES.has(bytes.readUInt32LE(14))) return 'image/bmp';
  }
  return null;
}

/**
 * True when the bytes are recognisably something other than a raster image: markup (HTML, XML,
 * SVG), JSON, PDF, or an archive. Such a body is refused even when labelled `image/*`.
 */
export function looksLikeNonImage(bytes: Buffer): boolean {
  let start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[start] ?? -1)) start += 1;
  const first = bytes[start];
  if (first === 0x3c || first === 0x7b || first === 0x5b) return true; // '<', '{', '['
  return (
    ascii(bytes, 0, 4) === '%PDF' ||
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0x1f, 0x8b])
  );
}

/** Media type without parameters, lower-cased (`Image/PNG; x=y` -> `image/png`). */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Decides whether a body is an image. Magic bytes win: a recognised image format is accepted
 * whatever the label, and recognisable non-images (HTML labelled `image/png`) are refused.
 * Bytes of an unknown kind are accepted only when labelled `image/*` (not SVG, which is
 * markup that could reference other URLs when rendered).
 * @returns the media type to report, or null when the body is not an image
 */
export function imageContentType(bytes: Buffer, declared: string | undefined): string | null {
  const sniffed = sniffImageType(bytes);
  if (sniffed !== null) return sniffed;
  const label = essence(declared);
  if (bytes.length === 0 || looksLikeNonImage(bytes)) return null;
  return label.startsWith('image/') && label !== 'image/svg+xml' ? label : null;
}
