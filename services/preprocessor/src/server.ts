/**
 * The preprocessor stage: encoded images (STRING, one per row) → one batch tensor ready for the
 * model. A row that does not decode fails alone (IMAGE_DECODE / IMAGE_TOO_LARGE).
 */
import {
  DType,
  TensorhopError,
  badRequest,
  isStringTensor,
  type Tensor,
  isTensorhopError,
  isTransientCode,
} from '@tensorhop/protocol';
import { createService, type Service, type StageDefinition } from '@tensorhop/kit';
import type { PreprocessorConfig } from './config.js';
import {
  DEFAULT_PREPROCESS_CONFIG,
  createPreprocessor,
  isPreprocessError,
  parsePreprocessConfig,
  type PreprocessConfig,
} from './core/index.js';
import { createModelHints } from './model-hint.js';

export { loadPreprocessorConfig, type PreprocessorConfig } from './config.js';

export function createServer(config: PreprocessorConfig): Service {
  const preprocessor = createPreprocessor({
    concurrency: config.concurrency,
    maxInputBytes: config.maxInputBytes,
    maxInputPixels: config.maxInputPixels,
  });
  const serviceDefaults: PreprocessConfig = config.defaults
    ? parsePreprocessConfig(config.defaults, DEFAULT_PREPROCESS_CONFIG)
    : { ...DEFAULT_PREPROCESS_CONFIG };
  const hints = createModelHints(config.modelMetadataTtlMs);

  const stage: StageDefinition = {
    name: 'preprocessor',
    description: 'encoded images (JPEG, PNG, WebP, GIF, TIFF, AVIF) → model-ready tensors',
    inputs: [
      { name: 'images', description: 'encoded image bytes, one per row', shape: [-1], type: DType.STRING },
    ],
    outputs: [
      {
        name: 'tensor',
        description: '[N,H,W,C] (or NCHW) batch',
        shape: [-1, -1, -1, -1],
        type: DType.FLOAT32,
      },
    ],
    onHopFailure: (hop) => hints.invalidate(hop),
    async apply(ctx) {
      const images = ctx.input('images');
      // One image per row: a [N, k] tensor would give k images to each key (found by fuzzing).
      if (!isStringTensor(images) || images.shape.length !== 1)
        throw badRequest('input "images" must be a STRING tensor of shape [N], one encoded image per row');
      let base = serviceDefaults;
      if (ctx.config.size === undefined && ctx.nextHop) {
        const fromModel = await hints
          .get(ctx.nextHop, ctx.nextHopConfig, ctx.hopMetadata)
          .catch((error: unknown) => {
            // A hop that is loading or down will not take the rows either: say so now, before any
            // row is worked on, rather than guess a size the model would refuse.
            if (isTensorhopError(error) && isTransientCode(error.code)) {
              const why = `cannot learn the input size from hop ${JSON.stringify(ctx.nextHop)}: ${error.message}`;
              throw new TensorhopError(error.code, why, { stage: ctx.nextHop ?? '', cause: error });
            }
            ctx.log.warn(
              { err: error, hop: ctx.nextHop },
              'next hop metadata unavailable; using service defaults',
            );
            return {};
          });
        base = { ...serviceDefaults, ...fromModel };
      }
      const options = parse(ctx.config, base);
      const result = await preprocessor
        .run([...images.strings], options, ctx.signal, ctx.reserveOutput)
        .catch((error: unknown) => {
          throw isPreprocessError(error)
            ? new TensorhopError(error.code, error.message, { cause: error })
            : error;
        });
      const tensor = {
        type: result.dtype === 'uint8' ? DType.UINT8 : DType.FLOAT32,
        shape: [...result.shape],
        data: result.data,
      } as Tensor;
      return {
        outputs: { tensor },
        keys: result.ok.map((i) => ctx.keys[i] as string),
        errors: result.errors.map((e) => ({
          key: ctx.keys[e.index] as string,
          code: e.code,
          message: e.message,
        })),
      };
    },
  };
  return createService({ stage, config });
}

function parse(requestConfig: Readonly<Record<string, unknown>>, base: PreprocessConfig): PreprocessConfig {
  try {
    return parsePreprocessConfig(requestConfig, base);
  } catch (error) {
    if (isPreprocessError(error)) throw new TensorhopError(error.code, error.message);
    throw error;
  }
}
