/**
 * Shrinks big photos in the browser before upload, to what the model needs: a 12-megapixel phone
 * photo classified by a 28×28 model should not cross a mobile network whole. The size comes from
 * the model's metadata (its preprocessing hint or input shape, as the preprocessor itself learns
 * it); the photo is scaled to twice that, aspect kept, and sent as JPEG.
 */
import { preprocessConfig, type Metadata } from '@tensorhop/protocol/sdk';

/** The smallest width and height an upload keeps. */
export interface UploadTarget {
  width: number;
  height: number;
}

/** How much larger than the model's input an upload stays, so the preprocessor still resamples. */
const FACTOR = 2;
const QUALITY = 0.9;

/** Twice the model's input size, or undefined when the metadata gives no size. */
export function uploadTarget(meta: Metadata): UploadTarget | undefined {
  const size = preprocessConfig(meta).size;
  if (!Array.isArray(size) || size.length !== 2) return undefined;
  const [h, w] = size.map(Number);
  if (!h || !w || h <= 0 || w <= 0) return undefined;
  return { width: FACTOR * w, height: FACTOR * h };
}

/** What an upload is: the bytes sent, and the sizes before and after. */
export interface Upload {
  blob: Blob;
  resized: boolean;
  /** Pixel sizes, when the browser could decode the image. */
  from?: { width: number; height: number };
  to?: { width: number; height: number };
}

async function encodeJpeg(bitmap: ImageBitmap): Promise<Blob | null> {
  const { width, height } = bitmap;
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    // JPEG has no alpha: transparent pixels would turn black, so they are put on white first.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  }
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width, height });
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
}

/**
 * The image to upload for `file`: scaled down so that both sides still cover `target`, or the
 * file itself when it is already small enough, when the browser cannot decode it (the
 * preprocessor reads formats browsers do not, e.g. TIFF), or when shrinking would not save bytes.
 */
export async function shrinkForUpload(file: Blob, target: UploadTarget | undefined): Promise<Upload> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { blob: file, resized: false };
  }
  const from = { width: bitmap.width, height: bitmap.height };
  try {
    const scale = target ? Math.max(target.width / from.width, target.height / from.height) : 1;
    if (scale >= 1) return { blob: file, resized: false, from };
    const to = {
      width: Math.max(1, Math.round(from.width * scale)),
      height: Math.max(1, Math.round(from.height * scale)),
    };
    const small = await createImageBitmap(bitmap, {
      resizeWidth: to.width,
      resizeHeight: to.height,
      resizeQuality: 'high',
    });
    const blob = await encodeJpeg(small).finally(() => small.close());
    if (!blob || blob.size >= file.size) return { blob: file, resized: false, from };
    return { blob, resized: true, from, to };
  } finally {
    bitmap.close();
  }
}
