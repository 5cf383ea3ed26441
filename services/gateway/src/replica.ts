/**
 * One replica of a pool and what the gateway knows about it: ready or not (active checks on
 * /readyz), ejected or not (passive: consecutive failed calls), and its requests in flight.
 */
import { parse as parseUrl } from 'node:url';

/** Passive ejection: after `afterFailures` failed calls in a row, out for base × 2^(n-1), capped. */
export interface EjectionPolicy {
  afterFailures: number;
  baseMs: number;
  maxMs: number;
}

/** What http-proxy needs of a target; a fresh copy per attempt tells attempts apart. */
export interface ProxyTarget {
  protocol: string;
  hostname: string;
  host: string;
  port: string;
  path: string;
}

export class Replica {
  /** Base URL, e.g. `http://127.0.0.1:9101`; request paths are appended to it. */
  readonly url: string;
  private readonly target: ProxyTarget;
  /** Last active check answered 200; starts false until the first check says otherwise. */
  ready = false;
  /** Why the last check failed, for logs and /readyz. */
  reason = 'not checked yet';
  inflight = 0;
  private consecutiveFailures = 0;
  /** Ejections in a row without a success in between; sets the next ejection's length. */
  private ejections = 0;
  private ejectedUntil = 0;

  constructor(url: string) {
    this.url = url;
    const parsed = parseUrl(`${url}/`);
    this.target = {
      protocol: parsed.protocol ?? 'http:',
      hostname: (parsed.hostname ?? '').replace(/^\[|\]$/g, ''),
      host: parsed.host ?? '',
      port: parsed.port ?? '80',
      path: (parsed.pathname ?? '/').replace(/\/+$/, ''),
    };
  }

  /** A target object for one attempt; its identity marks events of that attempt. */
  newTarget(): ProxyTarget {
    return { ...this.target };
  }

  isEjected(now: number): boolean {
    return now < this.ejectedUntil;
  }

  /** When the current ejection ends (0 when not ejected). */
  get ejectedUntilMs(): number {
    return this.ejectedUntil;
  }

  /** A call got a reply: the failure streak ends, and a re-admitted replica earns its backoff back. */
  recordSuccess(): void {
    this.consecutiveFailures = 0;
    if (this.ejectedUntil !== 0 && Date.now() >= this.ejectedUntil) {
      this.ejections = 0;
      this.ejectedUntil = 0;
    }
  }

  /** A call failed before any reply; returns true when this failure ejected the replica. */
  recordFailure(now: number, policy: EjectionPolicy): boolean {
    if (this.isEjected(now)) return false;
    this.consecutiveFailures++;
    // A re-admitted replica that has not succeeded since is on probation: one failure sends it back.
    const threshold = this.ejections > 0 ? 1 : policy.afterFailures;
    if (this.consecutiveFailures < threshold) return false;
    this.consecutiveFailures = 0;
    this.ejections++;
    const ms = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(this.ejections - 1, 20));
    this.ejectedUntil = now + ms;
    return true;
  }
}
