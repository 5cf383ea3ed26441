/** Digit images for tests: SVG strokes rendered by sharp, and held-out MNIST digits as PNGs. */
import sharp from 'sharp';
import type { MnistSet } from '../../scripts/mnist-data.js';

const STROKES: Record<string, string> = {
  '0': '<ellipse cx="100" cy="100" rx="45" ry="70" />',
  '1': '<path d="M100 30 L100 170" />',
  '4': '<path d="M120 170 L120 30 L50 120 L150 120" />',
  '7': '<path d="M55 40 L145 40 L85 170" />',
};

/** A black-on-white digit as a user would draw it, `width`×`height` PNG. */
export async function drawnDigit(digit: keyof typeof STROKES, width = 200, height = 200): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 200 200">` +
    `<rect width="200" height="200" fill="white"/><g fill="none" stroke="black" stroke-width="18" ` +
    `stroke-linecap="round" stroke-linejoin="round">${STROKES[digit]}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** MNIST digit `row` of `set`, inverted to black on white and scaled up to 84×84, as PNG. */
export async function mnistPng(set: MnistSet, row: number): Promise<Buffer> {
  const pixels = Buffer.alloc(28 * 28);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - Math.round(set.images[row * 784 + i]! * 255);
  return sharp(pixels, { raw: { width: 28, height: 28, channels: 1 } })
    .resize(84, 84)
    .png()
    .toBuffer();
}
