/**
 * Pool specs from `TENSORHOP_GATEWAY_UPSTREAMS`: each pool is a list of replica base URLs
 * (`http://host:port[/path]`) and DNS names (`dns://host:port[/path]`) whose addresses are the
 * replicas, re-resolved periodically.
 */
import { ConfigError } from '@tensorhop/kit';
import { GATEWAY_PREFIX } from './config.js';

const VARIABLE = `${GATEWAY_PREFIX}UPSTREAMS`;

/** A DNS name whose every address is a replica, all on the same port and base path. */
export interface DnsSource {
  host: string;
  port: number;
  path: string;
}

export interface PoolSpec {
  name: string;
  /** Replica base URLs without a trailing slash, e.g. `http://127.0.0.1:9101`. */
  urls: string[];
  dns: DnsSource[];
}

/** `/v1/models` is TF Serving's REST API and `/v1/status` the gateway's: no pool takes those names. */
const RESERVED = new Set(['models', 'status']);

/** `http://h:p/base/` → `http://h:p/base`; the replica's paths are appended to it. */
export function baseUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function parseEntry(pool: string, raw: string, spec: PoolSpec): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(VARIABLE, `pool ${pool}: ${JSON.stringify(raw)} is not a URL`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(VARIABLE, `pool ${pool}: ${raw} must not carry a query, fragment or credentials`);
  }
  if (url.protocol === 'http:') {
    spec.urls.push(baseUrl(url));
  } else if (url.protocol === 'dns:') {
    const port = Number(url.port);
    if (url.hostname === '' || !Number.isInteger(port) || port <= 0) {
      throw new ConfigError(VARIABLE, `pool ${pool}: ${raw} needs a host and a port (dns://name:port)`);
    }
    spec.dns.push({ host: url.hostname, port, path: url.pathname.replace(/\/+$/, '') });
  } else {
    throw new ConfigError(VARIABLE, `pool ${pool}: ${raw} must be http://host:port or dns://name:port`);
  }
}

/** Validated pool specs; a bad name or URL throws a ConfigError naming the variable. */
export function parseUpstreams(upstreams: Readonly<Record<string, string>>): PoolSpec[] {
  return Object.entries(upstreams).map(([name, value]) => {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
      throw new ConfigError(VARIABLE, `pool name ${JSON.stringify(name)} must be letters, digits, - or _`);
    }
    if (RESERVED.has(name)) {
      throw new ConfigError(VARIABLE, `pool name ${name} is reserved (/v1/${name} is the gateway's own)`);
    }
    const spec: PoolSpec = { name, urls: [], dns: [] };
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length === 0) throw new ConfigError(VARIABLE, `pool ${name} has no replicas`);
    for (const entry of entries) parseEntry(name, entry, spec);
    spec.urls = [...new Set(spec.urls)];
    return spec;
  });
}
