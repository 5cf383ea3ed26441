/**
 * TF Serving's REST API over a {@link ModelRuntime}, as plain functions from a parsed request to
 * `{status, body, headers}`, so any HTTP framework can mount it (see tfserving-routes.ts):
 *
 *   GET  /v1/models/{name}[/versions/{v}]            version status
 *   GET  /v1/models/{name}[/versions/{v}]/metadata   signature_def
 *   POST /v1/models/{name}[/versions/{v}]:predict    {"instances": …} or {"inputs": …}
 */
import { isTensorhopError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import type { ModelInfo } from '../runtime/model-info.js';
import type { ModelRuntime } from '../runtime/model-runtime.js';
import type { TensorSpec } from '../runtime/signature.js';
import { predict } from './predict.js';
import type { TfServingReply } from './reply.js';

const DTYPES: Record<string, string> = {
  float32: 'DT_FLOAT',
  int32: 'DT_INT32',
  uint8: 'DT_UINT8',
  bool: 'DT_BOOL',
  string: 'DT_STRING',
};

/**
 * Answers one request. `path` is what follows `/v1/models`, e.g. `/mnist/versions/1:predict`;
 * `body` is the parsed JSON (or undefined). Errors come back as TF Serving's `{"error": "…"}`
 * with its statuses: 400 bad input, 404 unknown model or version, 429/503 overloaded; an
 * unexpected failure is a bare 500 and goes to `logger`.
 */
export async function handleTfServing(
  runtime: ModelRuntime,
  method: string,
  path: string,
  body: unknown,
  logger: Logger = silentLogger,
): Promise<TfServingReply> {
  try {
    const match = /^\/([^/:]+)(?:\/versions\/([^/:]+))?(\/metadata|:predict|:classify|:regress)?\/?$/.exec(
      path,
    );
    if (!match) return error(404, `no such endpoint: /v1/models${path}`);
    const [, name, version, verb] = match;
    const model = runtime.resolve({ model: decodeURIComponent(name!), version });
    if (verb === ':predict')
      return method === 'POST' ? await predict(runtime, model, body) : error(405, 'use POST for :predict');
    if (verb === ':classify' || verb === ':regress')
      return error(501, `${verb.slice(1)} is not supported; use :predict`);
    if (method !== 'GET') return error(405, `use GET for ${verb ? 'metadata' : 'model status'}`);
    return {
      status: 200,
      body: verb ? metadata(model) : status(runtime, model, version !== undefined),
    };
  } catch (e) {
    if (!isTensorhopError(e)) {
      logger.error({ err: e, path }, 'tfserving request failed');
      return error(500, 'internal error');
    }
    const headers =
      e.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(e.retryAfterSeconds) };
    return { status: e.status, body: { error: e.message }, ...(headers ? { headers } : {}) };
  }
}

/** `GetModelStatus`: every version of the model, or just the one asked for. */
function status(runtime: ModelRuntime, model: ModelInfo, one: boolean): unknown {
  const live = new Map(runtime.stats().models.map((m) => [`${m.name}:${m.version}`, m.liveInstances]));
  const versions = one ? [model.version] : model.versions;
  return {
    model_version_status: versions.map((v) => ({
      version: String(v),
      // A version whose instances are all restarting is not gone, just not serving yet.
      state: (live.get(`${model.name}:${v}`) ?? 0) > 0 ? 'AVAILABLE' : 'LOADING',
      status: { error_code: 'OK', error_message: '' },
    })),
  };
}

/** `GetModelMetadata` with the one `serving_default` signature; `tensorhop` adds what TF Serving lacks. */
function metadata(model: ModelInfo): unknown {
  const outputs = [...model.signature.outputs];
  if (model.topK > 0) {
    outputs.push(
      { name: 'classes', shape: [-1, model.topK], dtype: 'string' },
      { name: 'scores', shape: [-1, model.topK], dtype: 'float32' },
    );
  }
  const defs = (specs: TensorSpec[]): Record<string, unknown> =>
    Object.fromEntries(specs.map((s) => [s.name, tensorInfo(s)]));
  return {
    model_spec: { name: model.name, signature_name: '', version: String(model.version) },
    metadata: {
      signature_def: {
        signature_def: {
          serving_default: {
            inputs: defs(model.signature.inputs),
            outputs: defs(outputs),
            method_name: 'tensorflow/serving/predict',
          },
        },
      },
      tensorhop: {
        description: model.description,
        preprocess: model.preprocess ?? {},
        labels: model.labels?.length ?? 0,
        backend: model.runtime.name,
        runtime: { ...model.runtime, instances: model.instances, threads: model.threads },
      },
    },
  };
}

function tensorInfo(spec: TensorSpec): unknown {
  return {
    dtype: DTYPES[spec.dtype] ?? 'DT_INVALID',
    tensor_shape: { dim: spec.shape.map((d) => ({ size: String(d), name: '' })), unknown_rank: false },
    name: spec.name,
  };
}

function error(status: number, message: string): TfServingReply {
  return { status, body: { error: message } };
}
