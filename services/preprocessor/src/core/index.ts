export { createPreprocessor } from './preprocessor.js';
export type { Preprocessor, PreprocessorOptions } from './preprocessor.js';
export type { PreprocessResult, PreprocessRowError } from './batch-result.js';
// The config and profile rules live in @tensorhop/protocol, shared with the model and the SDK.
export {
  parsePreprocessConfig,
  DEFAULT_PREPROCESS_CONFIG,
  configFromModelInput,
  PreprocessError,
  isPreprocessError,
  MAX_SIZE_SIDE,
  type PreprocessConfig,
  type Profile,
  type Fit,
  type Layout,
  type PixelDType,
  type Kernel,
  type PreprocessErrorCode,
  type ImageErrorCode,
  type Rgb,
} from '@tensorhop/protocol';
