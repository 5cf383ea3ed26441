/**
 * One replica of a pool and what the gateway knows about it: ready or not (active checks on
 * /readyz), ejected or not (passive: consecutive failed calls), and its requests in flight.
 */
import { parse as parseUrl } from 'node:url';
import { Throughput } from './throughput.js';

/** Passive ejection: after `afterFailures` failed calls in a row, out for base × 2^(n-1), capped. */
export interface EjectionPolicy {
  afterFailures: number;
  baseMs: number;
  maxMs: number;
}

/** How many checks in a row turn a replica unready, and ready again (Envoy's two thresholds). */
export interface HealthThresholds {
  unhealthy: number;
  healthy: number;
}

/** One active check: 200; another status or a refused connection (not ready); or no answer at all. */
export type CheckOutcome = 'pass' | 'not-ready' | 'no-answer';

/** Where a replica listens, split once for the requests sent to it. */
export interface ReplicaAddress {
  hostname: string;
  /** `hostname:port` as the Host header names it. */
  host: string;
  port: string;
  /** Path prefix of the base URL ('' for none), put before each request's path. */
  path: string;
}

export class Replica {
  /** Base URL, e.g. `http://127.0.0.1:9101`; request paths are appended to it. */
  readonly url: string;
  readonly address: ReplicaAddress;
  /** Taking traffic by the active checks; false until the first check passes. */
  ready = false;
  /** Why the last check failed, for logs and the status page ('' after a pass). */
  reason = 'not checked yet';
  inflight = 0;
  /** Replies this replica gave, over the last 10 s. */
  readonly served = new Throughput();
  /** Checks in a row with the same outcome as the last one. */
  private passes = 0;
  private fails = 0;
  private wasReady = false;
  private consecutiveFailures = 0;
  /** Ejections in a row without a success in between; sets the next ejection's length. */
  private ejections = 0;
  private ejectedUntil = 0;

  constructor(url: string) {
    this.url = url;
    const parsed = parseUrl(`${url}/`);
    this.address = {
      hostname: (parsed.hostname ?? '').replace(/^\[|\]$/g, ''),
      host: parsed.host ?? '',
      port: parsed.port ?? '80',
      path: (parsed.pathname ?? '/').replace(/\/+$/, ''),
    };
  }

  isEjected(now: number): boolean {
    return now < this.ejectedUntil;
  }

  /**
   * Counts one active check, as the contract says: a ready replica turns unready only after
   * `unhealthy` failed checks in a row, whatever failed (no answer, a refused connection, a
   * /readyz other than 200), so one probe lost to a busy CPU or a slow answer changes nothing.
   * Traffic meanwhile is safe: a refused connection is retried on another replica, and a replica
   * that is loading or draining refuses work with UNAVAILABLE before touching a row. Back after
   * `healthy` passes in a row; a replica that was never ready needs one, so a fresh gateway and a
   * fresh replica serve at once. Returns the change, if this check made one.
   */
  recordCheck(outcome: CheckOutcome, reason: string, t: HealthThresholds): 'ready' | 'unready' | undefined {
    this.reason = reason;
    if (outcome === 'pass') {
      this.fails = 0;
      this.passes++;
      if (this.ready || (this.wasReady && this.passes < t.healthy)) return undefined;
      this.ready = true;
      this.wasReady = true;
      return 'ready';
    }
    this.passes = 0;
    this.fails++;
    if (!this.ready || this.fails < t.unhealthy) return undefined;
    this.ready = false;
    return 'unready';
  }

  /**
   * Passive: real traffic showed the replica cannot take work (its port refuses connections: the
   * process is gone; or it answered 503: loading or draining). It leaves the rotation until the
   * active checks see it ready again (`healthy` passes), so a restarted replica gets no traffic
   * while it still loads its model. Returns true when this changed its state.
   */
  markNotReady(reason: string): boolean {
    this.reason = reason;
    this.passes = 0;
    if (!this.ready) return false;
    this.ready = false;
    return true;
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
