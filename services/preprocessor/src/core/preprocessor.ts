import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import {
  allocateBatch,
  batchBytes,
  collectBatch,
  type PreprocessResult,
  type RowGeometry,
} from './batch-result.js';
import { decodeImage, type DecodeOutcome, type DecodePlan } from './decode-image.js';
import { pixelTransform, type PreprocessConfig, PreprocessError } from '@tensorhop/protocol';
import { runRows } from './run-rows.js';
import { Semaphore } from '@tensorhop/kit';
import { writeRow } from './write-row.js';

/** Limits and parallelism of a {@link createPreprocessor} instance. */
export interface PreprocessorOptions {
  /**
   * Images decoded at once, across all concurrent `run` calls, so a burst of requests queues
   * instead of exhausting memory. Each decode holds a libuv threadpool thread (shared with fs and
   * DNS), so keep it below `UV_THREADPOOL_SIZE` (default 4). @default os.availableParallelism()
   */
  concurrency?: number;
  /** Largest encoded image accepted; larger rows fail with `IMAGE_TOO_LARGE`. @default 20 MiB */
  maxInputBytes?: number;
  /** Largest declared width × height accepted, checked on the header before decoding. @default 40_000_000 */
  maxInputPixels?: number;
  /** Largest output tensor one call may allocate; more is `PAYLOAD_TOO_LARGE`. @default 512 MiB */
  maxOutputBytes?: number;
  /** Images admitted and not yet decoded, across calls; a call that would exceed it is `OVERLOADED`. @default 4096 */
  maxQueued?: number;
}

/** A configured preprocessor; see {@link createPreprocessor}. */
export interface Preprocessor {
  /**
   * Decodes `images` (one encoded image per row) into one batch tensor. Broken rows are reported
   * in `errors`; the call itself rejects only with a {@link PreprocessError} (`PAYLOAD_TOO_LARGE`,
   * `OVERLOADED`) or the signal's abort reason.
   */
  run(
    images: Uint8Array[],
    config: PreprocessConfig,
    signal?: AbortSignal,
    reserve?: (bytes: number) => void,
  ): Promise<PreprocessResult>;
}

/**
 * Creates the preprocessor core. Process-wide, it turns sharp's operation cache off: each request
 * brings new bytes, so cached libvips operations would only hold memory. sharp's threads per image
 * (`sharp.concurrency()`, 1 on glibc Linux) are left alone: decoding `concurrency` images side by
 * side scales better for small outputs than splitting one image across threads.
 */
export function createPreprocessor(options: PreprocessorOptions = {}): Preprocessor {
  const maxInputBytes = options.maxInputBytes ?? 20 * 1024 * 1024;
  const maxInputPixels = options.maxInputPixels ?? 40_000_000;
  const maxOutputBytes = options.maxOutputBytes ?? 512 * 1024 * 1024;
  const maxQueued = options.maxQueued ?? 4096;
  const gate = new Semaphore(options.concurrency ?? availableParallelism());
  let queued = 0;
  sharp.cache(false);

  async function run(
    images: Uint8Array[],
    config: PreprocessConfig,
    signal?: AbortSignal,
    reserve?: (bytes: number) => void,
  ): Promise<PreprocessResult> {
    signal?.throwIfAborted();
    const [height, width] = config.size;
    const { channels, layout, dtype } = config;
    const geometry: RowGeometry = { height, width, channels, layout, dtype };
    admit(images.length, geometry);
    // The caller's process-wide budget, taken before the batch is allocated.
    reserve?.(batchBytes(images.length, geometry));
    const plan: DecodePlan = { ...config, height, width, maxInputBytes, maxInputPixels };
    const transform = pixelTransform(config);
    const data = allocateBatch(images.length, geometry);
    const rowLength = height * width * channels;
    const decodeRow = async (index: number): Promise<DecodeOutcome> => {
      signal?.throwIfAborted();
      const outcome = await decodeImage(images[index] as Uint8Array, plan);
      // Straight into the row's slot of the batch; collectBatch squeezes out failed rows.
      const target = { data, offset: index * rowLength, pixels: height * width, layout };
      if (outcome.ok) writeRow(outcome.pixels, transform, target);
      return outcome;
    };
    queued += images.length;
    const outcomes = await runRows(images.length, gate, decodeRow, () => queued--, signal);
    return collectBatch(data, outcomes, geometry);
  }

  /** Request-level limits, checked before any work or allocation. */
  function admit(rows: number, geometry: RowGeometry): void {
    const bytes = batchBytes(rows, geometry);
    if (bytes > maxOutputBytes) {
      const { height, width, channels, dtype } = geometry;
      const what = `${rows} images of ${height}x${width}x${channels} ${dtype}`;
      throw new PreprocessError(
        'PAYLOAD_TOO_LARGE',
        `${what} need ${bytes} bytes; the limit is ${maxOutputBytes}`,
      );
    }
    if (queued + rows > maxQueued) {
      throw new PreprocessError(
        'OVERLOADED',
        `preprocessor is busy: ${queued} images queued, limit ${maxQueued}`,
      );
    }
  }

  return { run };
}
