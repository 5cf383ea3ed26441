/**
 * The one home of preprocessing rules: the config (profiles, sizes, layouts, colours), the pixel
 * formula of each profile, and how a model's input shape and hint become a config. The
 * preprocessor, the model's TF Serving `b64` path and the SDK's client mode all use these.
 */
export {
  parsePreprocessConfig,
  assertConsistent,
  DEFAULT_PREPROCESS_CONFIG,
  type PreprocessConfig,
  type Profile,
  type Fit,
  type Layout,
  type PixelDType,
  type Kernel,
} from './preprocess-config.js';
export { parseConfigFields, MAX_SIZE_SIDE } from './config-fields.js';
export { configFromModelInput } from './model-input-config.js';
export { pixelTransform, channelFormula, type PixelTransform } from './profiles.js';
export { parseColour, greyOf, encodeGrey, toLinear, type Rgb } from './colour.js';
export {
  PreprocessError,
  isPreprocessError,
  badConfig,
  type PreprocessErrorCode,
  type ImageErrorCode,
} from './preprocess-error.js';
export { greyPixels } from './grey-pixels.js';
