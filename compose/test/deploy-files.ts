/**
 * The deployment files parsed (compose with YAML merge keys, Kubernetes as multi-document YAML)
 * and reduced to "units" — one runnable service each — plus the checks every unit must pass
 * wherever it is deployed.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMap } from '@tensorhop/kit';
import { parse, parseAllDocuments } from 'yaml';
import { parseUpstreams, type PoolSpec } from '../../services/gateway/src/upstreams.js';
import {
  IMAGES,
  PORTS,
  ROOT,
  SERVICES,
  envNamesRead,
  exists,
  read,
  workspaceScripts,
  type ServiceName,
} from './deploy-facts.js';

export type Env = Record<string, string>;

/** A runnable service from compose or Kubernetes, with what the checks need. */
export interface Unit {
  where: string;
  /** The compose service or Deployment name. */
  name: string;
  service: ServiceName;
  image: string;
  env: Env;
}

export const isService = (s: string): s is ServiceName => (SERVICES as readonly string[]).includes(s);

function unit(where: string, name: string, image: string, env: Env): Unit {
  const service = env.SERVICE ?? '';
  assert.ok(isService(service), `${where}: SERVICE=${service} is not a service`);
  return { where, name, service, image, env };
}

/** The gateway's pools as its UPSTREAMS variable describes them. */
export const poolsOf = (env: Env): PoolSpec[] =>
  parseUpstreams(parseMap(env.TENSORHOP_GATEWAY_UPSTREAMS ?? '', 'TENSORHOP_GATEWAY_UPSTREAMS'));

// ---- compose ------------------------------------------------------------------------------------

export interface ComposeService {
  image: string;
  build?: { context: string; dockerfile: string };
  environment: Env;
  ports?: string[];
  networks: string[] | Record<string, { aliases?: string[] }>;
  volumes?: string[];
  deploy?: { replicas?: number; resources?: { reservations?: { devices?: { capabilities: string[] }[] } } };
  healthcheck: { test: string[] };
  expose?: string[];
  profiles?: string[];
}

export const compose = parse(read('compose/docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
};

export const composeUnits: Unit[] = Object.entries(compose.services).map(([name, s]) =>
  unit(`compose ${name}`, name, s.image, s.environment),
);

export const networksOf = (s: ComposeService): string[] =>
  Array.isArray(s.networks) ? s.networks : Object.keys(s.networks);

/** Names that resolve on the compose network: services and their aliases. */
export const composeNames = new Set(
  Object.entries(compose.services).flatMap(([name, s]) => [
    name,
    ...(Array.isArray(s.networks) ? [] : Object.values(s.networks).flatMap((n) => n.aliases ?? [])),
  ]),
);

// ---- kubernetes ---------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, any> };

export interface Container {
  image: string;
  env: Env;
  ports: number[];
  /** Port names to numbers (`http`, `grpc`). */
  named: Record<string, number>;
  readiness: [string, number] | undefined;
  liveness: [string, number] | undefined;
  /** The startup probe: an HTTP path and port, or `tcp` and the port it connects to. */
  startup: [string, number] | undefined;
  /** The pod template's annotations (Prometheus scrape settings). */
  annotations: Record<string, string>;
  resources: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

export const k8sFiles = readdirSync(path.join(ROOT, 'compose/k8s')).filter((f) => f.endsWith('.yaml'));

export const k8sDocs: Doc[] = k8sFiles
  .filter((f) => f !== 'kustomization.yaml')
  .flatMap((file) =>
    parseAllDocuments(read(`compose/k8s/${file}`)).map((d) => {
      assert.deepEqual(d.errors, [], `compose/k8s/${file} parses`);
      return d.toJS() as Doc;
    }),
  );

export const ofKind = (kind: string): Doc[] => k8sDocs.filter((d) => d.kind === kind);

type Probe = { httpGet?: { path: string; port: number }; tcpSocket?: { port: number } } | undefined;
function probe(p: Probe): [string, number] | undefined {
  if (p?.httpGet) return [p.httpGet.path, p.httpGet.port];
  if (p?.tcpSocket) return ['tcp', p.tcpSocket.port];
  return undefined;
}

export function containerOf(d: Doc): Container {
  const c = d.spec.template.spec.containers[0];
  const env: Env = {};
  for (const e of c.env ?? []) env[e.name] = e.value ?? '';
  const ports: { name: string; containerPort: number }[] = c.ports ?? [];
  return {
    image: c.image,
    env,
    ports: ports.map((p) => p.containerPort),
    named: Object.fromEntries(ports.map((p) => [p.name, p.containerPort])),
    readiness: probe(c.readinessProbe),
    liveness: probe(c.livenessProbe),
    startup: probe(c.startupProbe),
    annotations: d.spec.template.metadata.annotations ?? {},
    resources: c.resources ?? {},
  };
}

export const k8sUnits: Unit[] = ofKind('Deployment').map((d) => {
  const c = containerOf(d);
  return unit(`k8s ${d.metadata.name}`, d.metadata.name, c.image, c.env);
});

export const k8sServices = new Map(ofKind('Service').map((s) => [s.metadata.name, s]));

// ---- checks -------------------------------------------------------------------------------------

/** Environment names the code reads, the service's port and host, its image and start script. */
export async function checkUnit(u: Unit): Promise<void> {
  const known = await envNamesRead(u.service);
  const prefix = `TENSORHOP_${u.service.toUpperCase()}_`;
  for (const name of Object.keys(u.env).filter((n) => n.startsWith('TENSORHOP_'))) {
    assert.ok(known.has(name), `${u.where}: ${name} is not read by services/${u.service}`);
  }
  assert.equal(u.env[`${prefix}PORT`], String(PORTS[u.service]), `${u.where}: port`);
  assert.equal(u.env[`${prefix}HOST`], '0.0.0.0', `${u.where}: listens on every interface`);
  assert.ok(
    Object.values(IMAGES).includes(u.image),
    `${u.where}: ${u.image} is an image the Dockerfiles build`,
  );
  assert.equal(workspaceScripts(u.service).start, 'node dist/main.js', `${u.where}: start script`);
  // What `dist/main.js` is built from: a deleted service fails here instead of being skipped.
  assert.ok(exists(`services/${u.service}/src/main.ts`), `${u.where}: services/${u.service}/src/main.ts`);
}

/** The names in a unit's hop table (`TENSORHOP_HOPS`), sorted. */
export const hopNames = (env: Env): string[] =>
  Object.keys(parseMap(env.TENSORHOP_HOPS ?? '', 'TENSORHOP_HOPS')).sort();

/**
 * Hop URLs: either a gateway pool route (`http://gateway:8080/v1/<pool>` with a pool the gateway
 * has) or a service root on that service's port; the default next hop is in the table.
 */
export function checkHops(u: Unit, portOf: (host: string) => number | undefined, pools: Set<string>): void {
  const hops = parseMap(u.env.TENSORHOP_HOPS ?? '', 'TENSORHOP_HOPS');
  for (const [name, url] of Object.entries(hops)) {
    const target = new URL(url);
    const pool = /^\/v1\/([\w-]+)$/.exec(target.pathname)?.[1];
    if (pool !== undefined) {
      assert.equal(Number(target.port), PORTS.gateway, `${u.where}: hop ${name} goes to the gateway's port`);
      assert.ok(pools.has(pool), `${u.where}: hop ${name} names gateway pool ${pool}`);
    } else {
      assert.equal(target.pathname, '/', `${u.where}: hop ${name} is a service root`);
      assert.equal(Number(target.port), portOf(target.hostname), `${u.where}: hop ${name} uses its port`);
    }
  }
  const next = u.env[`TENSORHOP_${u.service.toUpperCase()}_NEXT`];
  if (next) assert.ok(Object.hasOwn(hops, next), `${u.where}: default next ${next} is in TENSORHOP_HOPS`);
}
