/**
 * The model service's configuration: the service kit's, plus the repository, the TensorFlow.js
 * backend, the ONNX Runtime provider and threads, and instances.
 */
import {
  DEFAULT_PORTS,
  envPrefix,
  loadConfig,
  serviceSchema,
  type ConfigOf,
  type LoadOptions,
} from '@tensorhop/kit';
import { DEFAULT_REPOSITORY } from './repository/repository.js';

export const schema = {
  ...serviceSchema('model', DEFAULT_PORTS.model),
  repository: {
    type: 'string',
    default: DEFAULT_REPOSITORY,
    doc: 'model repository: <name>/<version>/model.json',
  },
  backend: {
    type: 'enum',
    values: ['auto', 'tensorflow', 'wasm', 'cpu'],
    default: 'auto',
    doc: 'TensorFlow.js backend: auto tries tfjs-node-gpu, tfjs-node, wasm, then cpu',
  },
  instances: {
    type: 'int',
    default: 0,
    min: 0,
    max: 64,
    doc: 'instances per model (0: tensorhop.json, else TF.js one per core, one on tfjs-node; ONNX cores ÷ 4 rounded up)',
  },
  onnxProvider: {
    type: 'enum',
    values: ['auto', 'cuda', 'cpu'],
    default: 'auto',
    doc: 'ONNX Runtime execution provider: auto tries CUDA, then the CPU',
  },
  onnxThreads: {
    type: 'int',
    default: 0,
    min: 0,
    max: 256,
    doc: 'intra-op threads per ONNX Runtime instance (0: cores ÷ instances)',
  },
  default: { type: 'string', default: '', doc: 'model for requests that name none (default: the only one)' },
  models: { type: 'list', default: [], doc: 'load only these models (default: all in the repository)' },
} as const;

export type ModelConfig = ConfigOf<typeof schema>;

export function loadModelConfig(options: Partial<LoadOptions<typeof schema>> = {}): ModelConfig {
  return loadConfig(schema, { prefix: envPrefix('model'), ...options });
}
