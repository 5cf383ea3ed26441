/**
 * Replicas behind DNS names (`dns://model:9003`): every address the name resolves to (as
 * `dns.lookup` with `all: true` sees it, so /etc/hosts and Docker's or Kubernetes' resolvers count)
 * is a replica. Names are resolved again on a period; a failed lookup keeps the last good answer.
 */
import { periodic, type Periodic } from './periodic.js';
import { lookup } from 'node:dns/promises';
import type { Logger } from 'pino';
import type { Pool } from './pool.js';
import type { Replica } from './replica.js';
import type { DnsSource, PoolSpec } from './upstreams.js';

export interface DnsOptions {
  /** @default 5000 */
  intervalMs: number;
  log: Logger;
  /** Called with replicas that appeared, so they are health-checked before getting traffic. */
  onAdded(pool: Pool, replicas: Replica[]): void;
}

const urlOf = (address: string, family: number, source: DnsSource): string =>
  `http://${family === 6 ? `[${address}]` : address}:${source.port}${source.path}`;

export class DnsDiscovery {
  private readonly last = new Map<DnsSource, string[]>();
  private readonly loop: Periodic;

  constructor(
    private readonly entries: readonly { pool: Pool; spec: PoolSpec }[],
    private readonly options: DnsOptions,
  ) {
    this.loop = periodic(() => this.refresh(), options.intervalMs);
  }

  private async resolve(source: DnsSource, pool: Pool): Promise<string[]> {
    try {
      const addresses = await lookup(source.host, { all: true });
      const urls = addresses.map((a) => urlOf(a.address, a.family, source));
      this.last.set(source, urls);
      return urls;
    } catch (error) {
      this.options.log.warn(
        { pool: pool.name, host: source.host, err: (error as Error).message },
        'DNS lookup failed; keeping the last answer',
      );
      return this.last.get(source) ?? [];
    }
  }

  /** Resolves every name once and updates the pools. */
  async refresh(): Promise<void> {
    await Promise.all(
      this.entries.map(async ({ pool, spec }) => {
        const resolved = await Promise.all(spec.dns.map((s) => this.resolve(s, pool)));
        const before = pool.replicas.length;
        const added = pool.setReplicas([...spec.urls, ...resolved.flat()]);
        if (added.length > 0 || pool.replicas.length !== before + added.length) {
          this.options.log.info(
            { pool: pool.name, replicas: pool.replicas.map((r) => r.url) },
            'pool replicas changed',
          );
        }
        if (added.length > 0) this.options.onAdded(pool, added);
      }),
    );
  }

  /** Resolves now, then every interval until `stop()`; does nothing without dns:// sources. */
  async start(): Promise<void> {
    if (this.entries.length === 0) return;
    await this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }
}
