/**
 * A phone-sized photo of a drawn digit: a digit image scaled up to 3000×3000 on a 4000×3000 white
 * sheet, with sensor-like noise (seeded, so every run makes the same bytes) so that its JPEG is as
 * heavy as a real 12-megapixel photo instead of a few kilobytes of flat white.
 */
import sharp from 'sharp';

export const PHOTO = { width: 4000, height: 3000 };

/** Mulberry32: a small seeded generator, for the same noise every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 4000×3000 greyscale JPEG of the digit image `digit` (any format sharp reads). */
export async function bigDigitPhoto(digit: Buffer, seed = 7): Promise<Buffer> {
  const side = PHOTO.height;
  const margin = (PHOTO.width - side) / 2;
  const { data } = await sharp(digit)
    .greyscale()
    .resize(side, side, { kernel: 'cubic' })
    .extend({ left: margin, right: margin, background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const next = random(seed);
  for (let i = 0; i < data.length; i++) {
    const noise = (next() + next() - 1) * 24;
    data[i] = Math.max(0, Math.min(255, Math.round((data[i] as number) * 0.9 + 12 + noise)));
  }
  return sharp(data, { raw: { width: PHOTO.width, height: PHOTO.height, channels: 1 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
