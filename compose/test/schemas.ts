/**
 * The maintained validators the deployment files are held to: the Compose Specification's JSON
 * schema (vendored in compose/schema, checked with ajv) and the Kubernetes OpenAPI schemas as
 * `kubernetes-models` ships them (one compiled validator per kind and API version).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { read } from './deploy-facts.js';

// ajv is CommonJS: its class is the module itself under NodeNext's ESM interop.
const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;

const schemaFile = path.join('compose', 'schema', 'compose-spec.json');

/**
 * `compose-spec.json` compiled once: the structural checks `docker compose config` makes. It names
 * its meta-schema by the https URL, which ajv knows by the http one; the same draft-07
 * meta-schema is registered under that name so the schema itself is checked too.
 */
function compileCompose() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const draft7 = require('ajv/dist/refs/json-schema-draft-07.json') as Record<string, unknown>;
  ajv.addMetaSchema({ ...draft7, $id: 'https://json-schema.org/draft-07/schema' });
  return ajv.compile(JSON.parse(read(schemaFile)) as object);
}
const composeValidator = compileCompose();

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);

/** Schema errors of a parsed compose file (merge keys resolved); empty when it is valid. */
export function composeErrors(document: unknown): string[] {
  return composeValidator(document) ? [] : describeErrors(composeValidator.errors);
}

interface Model {
  validate(): void;
}
type ModelClass = new (data: object) => Model;

/**
 * Schema errors of one Kubernetes object against its kind's OpenAPI schema; a kind or API
 * version the schemas do not know is an error too.
 */
export async function kubernetesErrors(doc: { apiVersion?: string; kind?: string }): Promise<string[]> {
  const where = `${doc.apiVersion ?? '?'} ${doc.kind ?? '?'}`;
  if (!doc.apiVersion || !doc.kind) return [`${where}: apiVersion and kind are required`];
  let models: Record<string, unknown>;
  try {
    models = (await import(`kubernetes-models/${doc.apiVersion}`)) as Record<string, unknown>;
  } catch {
    return [`${where}: unknown API version`];
  }
  const Kind = models[doc.kind] as ModelClass | undefined;
  if (typeof Kind !== 'function') return [`${where}: unknown kind`];
  try {
    new Kind(doc).validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}
