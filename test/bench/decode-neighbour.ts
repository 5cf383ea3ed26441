/**
 * A neighbour for a model's ceiling: decodes the bench photographs one after another on the cores
 * it is pinned to, as the preprocessor does beside a model pinned elsewhere. Run as a script it
 * prints "ready" and decodes until killed; {@link startDecodeNeighbour} starts and pins it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pin } from './cpu-pin.js';

const PHOTOS = new URL('./photos/', import.meta.url);

/** Starts the neighbour on `cores` and resolves once it decodes; `stop()` ends it. */
export async function startDecodeNeighbour(cores: readonly number[]): Promise<{ stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`decode neighbour exited with ${code}`)));
  });
  pin([child.pid!], cores);
  return { stop: () => void child.kill() };
}

async function decodeForever(): Promise<void> {
  const { default: sharp } = await import('sharp');
  sharp.cache(false);
  const photos = readdirSync(PHOTOS)
    .filter((name) => name.endsWith('.jpg'))
    .map((name) => readFileSync(new URL(name, PHOTOS)));
  console.log('ready');
  for (let i = 0; ; i++) {
    await sharp(photos[i % photos.length])
      .resize(224, 224, { fit: 'fill' })
      .raw()
      .toBuffer();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void decodeForever();
