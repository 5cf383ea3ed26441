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
  grpcPort: {
    type: 'int',
    default: -1,
    min: -1,
    max: 65535,
    doc: 'Open Inference Protocol gRPC port; -1: the HTTP port + 10 (9013), or a free one when the HTTP port is 0; 0 picks a free one',
  },
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
  maxBatchSize: {
    type: 'int',
    default: 0,
    min: 0,
    max: 4096,
    doc: "largest batch of every model (0: each model's tensorhop.json; 1: no batching)",
  },
  default: { type: 'string', default: '', doc: 'model for requests that name none (default: the only one)' },
  models: { type: 'list', default: [], doc: 'load only these models (default: all in the repository)' },
} as const;

export type ModelConfig = ConfigOf<typeof schema>;

/** The gRPC port to bind: replicas and test stacks move it with their HTTP port. */
export function grpcPortOf(config: Pick<ModelConfig, 'port' | 'grpcPort'>): number {
  if (config.grpcPort >= 0) return config.grpcPort;
  return config.port === 0 ? 0 : config.port + 10;
}

export function loadModelConfig(options: Partial<LoadOptions<typeof schema>> = {}): ModelConfig {
  return loadConfig(schema, { prefix: envPrefix('model'), ...options });
}
