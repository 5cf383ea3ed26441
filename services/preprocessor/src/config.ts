/** The preprocessor's configuration: the service kit's plus its own decode bounds and defaults. */
import os from 'node:os';
import {
  envPrefix,
  loadConfig,
  serviceSchema,
  DEFAULT_PORTS,
  type ConfigOf,
  type LoadOptions,
} from '@tensorhop/kit';
import { DEFAULT_PREPROCESS_CONFIG, parsePreprocessConfig } from './core/index.js';

export const schema = {
  ...serviceSchema('preprocessor', DEFAULT_PORTS.preprocessor),
  defaults: {
    type: 'string',
    default: '',
    check: (text: string) => {
      if (text.trim() === '') return undefined;
      try {
        parsePreprocessConfig(text, DEFAULT_PREPROCESS_CONFIG);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    doc: 'service defaults as preprocess config JSON, e.g. {"size":[224,224],"profile":"torch"}',
  },
  concurrency: {
    type: 'int',
    default: os.availableParallelism(),
    min: 1,
    max: 256,
    doc: 'images decoded at once',
  },
  maxInputBytes: {
    type: 'int',
    default: 20 * 1024 * 1024,
    min: 1,
    doc: 'largest encoded image (IMAGE_TOO_LARGE)',
  },
  maxInputPixels: {
    type: 'int',
    default: 40_000_000,
    min: 1,
    doc: 'largest decoded image in pixels (IMAGE_TOO_LARGE)',
  },
  modelMetadataTtlMs: {
    type: 'int',
    default: 60_000,
    min: 0,
    doc: 'how long the next hop model metadata is cached',
  },
} as const;

export type PreprocessorConfig = ConfigOf<typeof schema>;

export function loadPreprocessorConfig(
  options: Partial<LoadOptions<typeof schema>> = {},
): PreprocessorConfig {
  return loadConfig(schema, { prefix: envPrefix('preprocessor'), ...options });
}
