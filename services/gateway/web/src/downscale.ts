/**
 * Shrinks big photos in the browser before upload, to what the model needs: a 12-megapixel phone
 * photo classified by a 28×28 model should not cross a mobile network whole. The size comes from
 * the model's metadata (its preprocessing hint or input shape, as the preprocessor itself learns
 * it); the photo is scaled to twice that, aspect kept, and sent as JPEG.
 */
import { preprocessConfig, type Metadata } from '@tensorhop/sdk';

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

type Size = { width: number; height: number };

/** A 2D canvas of `size`, offscreen where the browser has one. */
function canvasOf({ width, height }: Size) {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    return {
      ctx: canvas.getContext('2d'),
      blob: () => canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY }),
    };
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const blob = () => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  return { ctx: canvas.getContext('2d'), blob };
}

/** `bitmap` scaled to `to`, as JPEG: resized by the decoder where it can, else by the canvas. */
async function encodeJpeg(bitmap: ImageBitmap, to: Size): Promise<Blob | null> {
  let small: ImageBitmap | undefined;
  try {
    small = await createImageBitmap(bitmap, {
      resizeWidth: to.width,
      resizeHeight: to.height,
      resizeQuality: 'high',
    });
  } catch {
    small = undefined; // no resize options in this browser: the canvas scales instead
  }
  try {
    const { ctx, blob } = canvasOf(to);
    if (!ctx) return null;
    // JPEG has no alpha: transparent pixels would turn black, so they are put on white first.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, to.width, to.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small ?? bitmap, 0, 0, to.width, to.height);
    return await blob();
  } finally {
    small?.close();
  }
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
    const blob = await encodeJpeg(bitmap, to);
    if (!blob || blob.size >= file.size) return { blob: file, resized: false, from };
    return { blob, resized: true, from, to };
  } catch {
    // Shrinking is only a saving: whatever fails here, the file itself is still a valid upload.
    return { blob: file, resized: false, from };
  } finally {
    bitmap.close();
  }
}
