import { decodeB64Image } from './decode-image.js';
import { badRequest, TensorhopError } from '../errors.js';
import type { InferOutcome, ModelInfo } from '../runtime/model-info.js';
import type { ModelRuntime } from '../runtime/model-runtime.js';
import { flattenRow, rowToNested, shapeOf } from './nested-array.js';
import { inputArray, type InputDType, type RowData } from '../runtime/signature.js';
import type { TfServingReply } from './reply.js';

/**
 * `:predict` in TF Serving's row (`instances`) or columnar (`inputs`) format. Each row is nested
 * numbers, `{"b64": "…"}` (an encoded image, preprocessed here with the model's hint), or an
 * object naming the model's input. `top_k` is our addition (the model's default otherwise).
 * Replies `{"predictions": […]}` / `{"outputs": …}`; with several outputs (classes and scores
 * count) each prediction is an object keyed by output name.
 */
export async function predict(
  runtime: ModelRuntime,
  model: ModelInfo,
  body: unknown,
): Promise<TfServingReply> {
  const request = parseRequest(model, body);
  // Bounded before anything is allocated: rows × the row size of the signature.
  if (request.rows.length > model.batching.maxQueueRows) {
    throw new TensorhopError(
      'PAYLOAD_TOO_LARGE',
      `${request.rows.length} instances: this model takes at most ${model.batching.maxQueueRows} a request (max_queue_rows)`,
    );
  }
  const input = await toTensor(model, request.rows);
  if (input.data instanceof Float32Array && !input.data.every(Number.isFinite)) {
    throw new TensorhopError('INPUT_NOT_FINITE', 'the input holds NaN or Infinity (e.g. 1e999)');
  }
  const outcome = await runtime.infer(model, input, request.topK === undefined ? {} : { topK: request.topK });
  if (outcome.failures.length > 0) throw new TensorhopError('INFER_FAILED', outcome.failures[0]!.message);
  const named = namedOutputs(outcome);
  const row = (i: number): unknown =>
    named.length === 1
      ? named[0]![1](i)
      : Object.fromEntries(named.map(([name, perRow]) => [name, perRow(i)]));
  if (!request.columnar) return { status: 200, body: { predictions: outcome.rows.map((_, i) => row(i)) } };
  const columns = named.map(([name, perRow]) => [name, outcome.rows.map((_, i) => perRow(i))] as const);
  return {
    status: 200,
    body: { outputs: columns.length === 1 ? columns[0]![1] : Object.fromEntries(columns) },
  };
}

interface PredictRequest {
  rows: unknown[];
  columnar: boolean;
  topK: number | undefined;
}

function parseRequest(model: ModelInfo, body: unknown): PredictRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('request body must be a JSON object');
  }
  const request = body as {
    signature_name?: unknown;
    instances?: unknown;
    inputs?: unknown;
    top_k?: unknown;
  };
  if (request.signature_name !== undefined && request.signature_name !== 'serving_default') {
    throw badRequest(
      `unknown signature_name '${String(request.signature_name)}'; this model has 'serving_default'`,
    );
  }
  if ((request.instances === undefined) === (request.inputs === undefined)) {
    throw badRequest(
      "request must have exactly one of 'instances' (row format) or 'inputs' (columnar format)",
    );
  }
  const columnar = request.inputs !== undefined;
  const rows = columnar ? columnRows(model, request.inputs) : request.instances;
  if (!Array.isArray(rows) || rows.length === 0) {
    throw badRequest(`'${columnar ? 'inputs' : 'instances'}' must be a non-empty list`);
  }
  return { rows, columnar, topK: request.top_k === undefined ? undefined : Number(request.top_k) };
}

/** `inputs` is the tensor itself or `{ <input name>: tensor }`; either way a list of rows. */
function columnRows(model: ModelInfo, inputs: unknown): unknown {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs) || isB64(inputs)) return inputs;
  const name = model.signature.inputs[0]!.name;
  const keys = Object.keys(inputs);
  if (keys.length !== 1 || keys[0] !== name)
    throw badRequest(`'inputs' names ${keys.join(', ')}; this model's input is '${name}'`);
  return (inputs as Record<string, unknown>)[name];
}

async function toTensor(model: ModelInfo, rows: unknown[]): Promise<{ data: RowData; shape: number[] }> {
  const spec = model.signature.inputs[0]!;
  const values = rows.map((row) => unwrapNamed(row, spec.name));
  const first = values.find((v) => !isB64(v));
  // Open (-1) dimensions take their size from the first row given as numbers.
  const given = first === undefined ? [] : shapeOf(first);
  const rowShape = spec.shape.slice(1).map((d, i) => (d === -1 ? (given[i] ?? -1) : d));
  if (rowShape.includes(-1))
    throw badRequest(
      `cannot tell the size of input '${spec.name}' [${spec.shape.join(',')}] from the request`,
    );
  const size = rowShape.reduce((n, d) => n * d, 1);
  const data = inputArray(spec.dtype as InputDType, rows.length * size);
  await Promise.all(
    values.map(async (value, i) => {
      if (!isB64(value)) return flattenRow(value, rowShape, data, i * size, `row ${i}`);
      const image = await decodeB64Image(
        Buffer.from(value.b64, 'base64'),
        [-1, ...rowShape],
        model.preprocess,
      );
      data.set(image, i * size);
    }),
  );
  return { data, shape: [rows.length, ...rowShape] };
}

function unwrapNamed(row: unknown, name: string): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row) || isB64(row)) return row;
  const keys = Object.keys(row);
  if (keys.length !== 1 || keys[0] !== name)
    throw badRequest(`instance names ${keys.join(', ')}; this model's input is '${name}'`);
  return (row as Record<string, unknown>)[name];
}

function isB64(value: unknown): value is { b64: string } {
  return typeof value === 'object' && value !== null && typeof (value as { b64?: unknown }).b64 === 'string';
}

/** Each output as a function from output row to its JSON value, classes and scores included. */
function namedOutputs(outcome: InferOutcome): [string, (i: number) => unknown][] {
  const named: [string, (i: number) => unknown][] = outcome.outputs.map((o) => [
    o.name,
    (i) => rowToNested(o.data, o.shape, i),
  ]);
  if (outcome.classes && outcome.scores) {
    const { classes, scores, k } = outcome;
    named.push(
      ['classes', (i) => classes[i]],
      ['scores', (i) => Array.from(scores.subarray(i * k, (i + 1) * k))],
    );
  }
  return named;
}
