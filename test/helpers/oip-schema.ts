/**
 * Every OIP response body a test receives is checked against the spec's own OpenAPI file
 * (`shared/specs/open-inference-protocol/open_inference_rest.yaml`, vendored beside the proto) with
 * ajv. The one rule the binary tensor data extension changes is kept: an output sent as binary
 * carries `parameters.binary_data_size` instead of `data`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const SPEC = resolve(import.meta.dirname, '../../shared/protocol/proto/open_inference_rest.yaml');

type Json = Record<string, unknown>;

function loadSpec(): Json {
  const spec = parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: Record<string, Json> } };
  const output = spec.components.schemas.response_output as Json & { required: string[] };
  // The extension: `data` or, for a binary output, `parameters.binary_data_size`.
  output.required = output.required.filter((r) => r !== 'data');
  output.anyOf = [
    { required: ['data'] },
    {
      required: ['parameters'],
      properties: { parameters: { type: 'object', required: ['binary_data_size'] } },
    },
  ];
  return { $id: 'oip', ...spec };
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(loadSpec());
const validators = new Map<string, ValidateFunction>();

/** Schemas of the spec's components a body can be checked against. */
export type OipSchema =
  | 'metadata_server_response'
  | 'metadata_server_error_response'
  | 'metadata_model_response'
  | 'metadata_model_error_response'
  | 'inference_request'
  | 'inference_response'
  | 'inference_error_response';

/** Asserts that `body` is valid under the spec's component `schema`. */
export function assertOipSchema(schema: OipSchema, body: unknown): void {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ $ref: `oip#/components/schemas/${schema}` });
    validators.set(schema, validate);
  }
  const ok = validate(body);
  assert.ok(ok, `${schema}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 400)}`);
}

/** An error body: the spec's `{"error": string}` (required here), plus tensorhop's code. */
export function assertOipError(body: unknown, code: string): void {
  assertOipSchema('inference_error_response', body);
  const e = body as { error?: unknown; code?: unknown };
  assert.equal(typeof e.error, 'string');
  assert.ok((e.error as string).length > 0);
  assert.equal(e.code, code, JSON.stringify(body));
}
