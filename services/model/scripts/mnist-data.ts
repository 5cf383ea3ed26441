/**
 * The `mnist` package's digits (10,000 of them, 28×28, white on black, values in [0, 1]) split
 * into a training set and a held-out test set. The split is fixed — the last `testFraction` of
 * every digit's samples — so training and the tests agree on which digits were never seen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const PIXELS = 28 * 28;

/** Images `[count, 28, 28, 1]` flattened, and their digits. */
export interface MnistSet {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

/** Splits every digit's samples: the first part trains, the last `testFraction` tests. */
export function loadMnist(testFraction = 0.15): { train: MnistSet; test: MnistSet } {
  const dir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('mnist/package.json')),
    'src/digits',
  );
  const train: Part[] = [];
  const test: Part[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const data = (JSON.parse(readFileSync(path.join(dir, `${digit}.json`), 'utf8')) as { data: number[] })
      .data;
    const count = Math.floor(data.length / PIXELS);
    const held = Math.floor(count * testFraction);
    train.push({ digit, data, from: 0, to: count - held });
    test.push({ digit, data, from: count - held, to: count });
  }
  return { train: join(train), test: join(test) };
}

interface Part {
  digit: number;
  data: number[];
  from: number;
  to: number;
}

function join(parts: Part[]): MnistSet {
  const count = parts.reduce((n, p) => n + p.to - p.from, 0);
  const images = new Float32Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let row = 0;
  for (const part of parts) {
    for (let i = part.from; i < part.to; i++, row++) {
      images.set(part.data.slice(i * PIXELS, (i + 1) * PIXELS), row * PIXELS);
      labels[row] = part.digit;
    }
  }
  return { images, labels, count };
}

/** A small seeded PRNG (mulberry32) so shuffles and augmentation repeat run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
