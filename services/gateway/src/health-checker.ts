/**
 * Active health checks: every replica's `/readyz` on a period, one probe per replica at a time,
 * each with a deadline. A probe without an answer changes readiness only after several in a row
 * (see `Replica.recordCheck`). Probes are logged at debug only: they are traffic, not news; the changes
 * they cause are logged at info (ready) and warn (unready).
 */
import { periodic, type Periodic } from './periodic.js';
import http from 'node:http';
import type { Logger } from 'pino';
import type { Pool } from './pool.js';
import type { HealthThresholds, Replica } from './replica.js';

export interface HealthOptions {
  /** @default 2000 */
  intervalMs: number;
  /** @default 3000 */
  timeoutMs: number;
  /** @default { unhealthy: 3, healthy: 2 } */
  thresholds: HealthThresholds;
  log: Logger;
}

/** Status of `GET <url>/readyz`, or the reason it could not be had. */
function getReadyz(agent: http.Agent, url: string, timeoutMs: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/readyz`, { agent, headers: { 'user-agent': 'tensorhop-gateway' } });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
      res.on('error', () => {
        clearTimeout(timer);
        resolve('reply cut short');
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
  });
}

export class HealthChecker {
  /**
   * A new connection per probe: it checks what traffic needs (the replica accepts connections),
   * and a port nobody listens on shows as refused, not as a reset of a stale kept-alive socket.
   */
  private readonly agent = new http.Agent({ keepAlive: false });
  private readonly probing = new Map<Replica, Promise<void>>();
  private readonly loop: Periodic;

  constructor(
    private readonly pools: () => readonly Pool[],
    private readonly options: HealthOptions,
  ) {
    this.loop = periodic(() => this.checkAll(), options.intervalMs);
  }

  /** Probes one replica now; a probe already in progress is awaited instead. */
  check(pool: Pool, replica: Replica): Promise<void> {
    let pending = this.probing.get(replica);
    if (!pending) {
      pending = this.probe(pool, replica).finally(() => this.probing.delete(replica));
      this.probing.set(replica, pending);
    }
    return pending;
  }

  private async probe(pool: Pool, replica: Replica): Promise<void> {
    const { log, timeoutMs, thresholds } = this.options;
    const started = Date.now();
    const result = await getReadyz(this.agent, replica.url, timeoutMs);
    const outcome =
      result === 200
        ? 'pass'
        : typeof result === 'number' || result === 'ECONNREFUSED'
          ? 'not-ready'
          : 'no-answer';
    const reason =
      outcome === 'pass' ? '' : typeof result === 'number' ? `/readyz answered ${result}` : result;
    const fields = { pool: pool.name, replica: replica.url };
    log.debug({ ...fields, result, ms: Date.now() - started }, 'health check');
    const change = replica.recordCheck(outcome, reason, thresholds);
    if (change === 'ready') log.info(fields, 'replica ready');
    else if (change === 'unready') log.warn({ ...fields, reason }, 'replica not ready');
  }

  /** One round over every replica of every pool. */
  async checkAll(): Promise<void> {
    const calls = this.pools().flatMap((pool) => pool.replicas.map((r) => this.check(pool, r)));
    await Promise.all(calls);
  }

  /** Checks every replica now, then again every interval until `stop()`. */
  async start(): Promise<void> {
    await this.loop.start();
  }

  stop(): void {
    this.loop.stop();
    this.agent.destroy();
  }
}
