/**
 * Unknown fields in Kubernetes objects, which the OpenAPI validators accept (as `kubectl` does
 * without `--validate=strict`): each object is type-checked as an object literal of its kind from
 * `kubernetes-types` (generated from the same OpenAPI definitions), and only TypeScript's
 * excess-property errors are kept; value types are the schema validators' job.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './deploy-facts.js';

const require = createRequire(import.meta.url);
const ts = require('typescript') as typeof import('typescript');

/** TS2353 "may only specify known properties", TS2561 "... Did you mean ...?" */
const EXCESS_PROPERTY = new Set([2353, 2561]);
/** A kind or API version kubernetes-types does not have: no such module or exported member. */
const UNKNOWN_KIND = new Set([2305, 2307, 2614, 2724]);

/** `apps/v1` → `apps/v1`, `v1` → `core/v1`, `networking.k8s.io/v1` → `networking/v1`. */
const typesPath = (apiVersion: string): string =>
  apiVersion.includes('/') ? apiVersion.replace(/\.k8s\.io\//, '/') : `core/${apiVersion}`;

export interface Named {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
}

/** Unknown-field errors per object, as `<kind> <name>: <message>`; empty when there are none. */
export function unknownFields(docs: readonly Named[]): string[] {
  const file = path.join(ROOT, 'compose', 'test', '__manifests__.ts');
  const lines: string[] = [];
  const owner: string[] = [];
  docs.forEach((d, i) => {
    const where = `${d.kind} ${d.metadata.name}`;
    const text = [
      `import type { ${d.kind} as K${i} } from 'kubernetes-types/${typesPath(d.apiVersion)}';`,
      `export const d${i}: K${i} = ${JSON.stringify(d, null, 1)};`,
    ].join('\n');
    for (const line of text.split('\n')) {
      lines.push(line);
      owner.push(where);
    }
  });
  const source = lines.join('\n');
  const options = {
    strict: true,
    noEmit: true,
    types: [],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const sf = program.getSourceFile(file);
  const all = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  const unresolved = all.filter((d) => UNKNOWN_KIND.has(d.code));
  const excess = all.filter((d) => EXCESS_PROPERTY.has(d.code));
  return [...unresolved, ...excess].map((d) => {
    const line = sf && d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line : 0;
    return `${owner[line] ?? '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
