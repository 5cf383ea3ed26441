/**
 * What the code says a deployment must match, read from the code itself: default ports, the
 * environment names each service reads (its config schemas, the shared service schema, and
 * `TENSORHOP_*` names in its sources), the metrics each service exports, workspace scripts and
 * the image version.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_PORTS,
  createMetrics,
  envName,
  envPrefix,
  serviceSchema,
  type FieldSpec,
} from '@tensorhop/kit';
import { createGatewayMetrics } from '../../services/gateway/src/metrics.js';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SERVICES = ['gateway', 'downloader', 'preprocessor', 'model'] as const;
export type ServiceName = (typeof SERVICES)[number];
export const PORTS: Record<ServiceName, number> = DEFAULT_PORTS;
/**
 * The model's Open Inference Protocol gRPC port (ARCHITECTURE.md, "Defaults": model 9003, gRPC
 * 9013, read from `TENSORHOP_MODEL_GRPC_PORT`). Deployments leave the variable unset and expose
 * the default.
 */
export const GRPC_PORT = 9013;

export const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');
export const exists = (rel: string): boolean => existsSync(path.join(ROOT, rel));

const rootPackage = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string> };
export const VERSION = rootPackage.version;
export const ROOT_SCRIPTS = rootPackage.scripts;
/** The images the Dockerfiles build, as compose and Kubernetes must name them. */
export const IMAGES = { cpu: `tensorhop:${VERSION}`, gpu: `tensorhop-gpu:${VERSION}` };

export function workspaceScripts(service: string): Record<string, string> {
  const file = `services/${service}/package.json`;
  return exists(file) ? ((JSON.parse(read(file)) as { scripts?: Record<string, string> }).scripts ?? {}) : {};
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') && !rel.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Source without comments: a name mentioned only in a comment is not read by the code. */
const stripComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');

/** `TENSORHOP_*` literals, and `PREFIX + 'SUFFIX'` / `${PREFIX}SUFFIX` in files that hold a prefix literal. */
function scanLiterals(text: string, prefix: string, into: Set<string>): void {
  const code = stripComments(text);
  for (const m of code.matchAll(/TENSORHOP_[A-Z0-9_]*[A-Z0-9]/g)) into.add(m[0]);
  if (!code.includes(`'${prefix}'`)) return;
  for (const m of code.matchAll(/'([A-Z][A-Z0-9_]*[A-Z0-9])'/g)) into.add(prefix + m[1]);
  for (const m of code.matchAll(/\$\{\w+\}([A-Z][A-Z0-9_]*[A-Z0-9])/g)) into.add(prefix + m[1]);
}

const isFieldSpec = (v: unknown): v is FieldSpec =>
  typeof v === 'object' && v !== null && 'type' in v && 'default' in v;

function addSchema(schema: Record<string, unknown>, prefix: string, into: Set<string>): void {
  for (const [key, spec] of Object.entries(schema)) {
    if (isFieldSpec(spec)) into.add(spec.env ?? envName(prefix, key));
  }
}

/** Every `TENSORHOP_*` name `service` reads (the gateway reads only its own schema's names). */
export async function envNamesRead(service: ServiceName): Promise<Set<string>> {
  const prefix = envPrefix(service);
  const names = new Set<string>(['TENSORHOP_LOG_LEVEL']);
  if (service !== 'gateway') addSchema(serviceSchema(service, PORTS[service]), prefix, names);
  const config = `services/${service}/src/config.ts`;
  if (exists(config)) {
    const mod = (await import(pathToFileURL(path.join(ROOT, config)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value === 'object' && value !== null && Object.values(value).some(isFieldSpec)) {
        addSchema(value as Record<string, unknown>, prefix, names);
      }
    }
  }
  for (const file of sourceFiles(`services/${service}/src`)) scanLiterals(read(file), prefix, names);
  return names;
}

/** Paths the service kit and the gateway answer with GET (probes must use these). */
export function probePaths(service: ServiceName): string[] {
  const text =
    service === 'gateway' ? read('services/gateway/src/own-routes.ts') : read('shared/kit/src/service.ts');
  const pattern = service === 'gateway' ? /case '(\/[a-z]+)'/g : /app\.get\('(\/[a-z]*)'/g;
  return [...text.matchAll(pattern)].map((m) => m[1] as string);
}

/** Names of the metrics `service` exports on /metrics, from the registries the code builds. */
export async function metricNames(service: ServiceName): Promise<Set<string>> {
  const registry =
    service === 'gateway'
      ? createGatewayMetrics(() => [], { defaultMetrics: false }).registry
      : createMetrics(service, { defaultMetrics: false }).registry;
  return new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
}
