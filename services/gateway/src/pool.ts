/**
 * A pool of replicas, balanced the way undici's round-robin pool does it: take the next replica in
 * turn that is ready and not ejected, skipping one that has too many requests in flight.
 *
 * Panic routing, as in Envoy: when no replica of the pool is ready, every replica is a candidate.
 * Health checks can all fail for reasons that leave the replicas able to serve (a probe timeout on
 * a saturated machine, a network blip between gateway and replicas); refusing everything then
 * turns a hiccup into an outage, while trying costs at most a refused connection, which is retried.
 */
import { Replica } from './replica.js';

/** No replica to send to: none known or reachable (503 UNAVAILABLE), or every candidate full (429 OVERLOADED). */
export type NoReplica = 'unavailable' | 'busy';

export class Pool {
  readonly name: string;
  private list: Replica[] = [];
  private cursor = 0;

  constructor(
    name: string,
    private readonly maxInflightPerReplica: number,
  ) {
    this.name = name;
  }

  get replicas(): readonly Replica[] {
    return this.list;
  }

  /** Replicas whose last check passed and that are not ejected. */
  readyCount(now = Date.now()): number {
    return this.list.filter((r) => r.ready && !r.isEjected(now)).length;
  }

  /** The pool has replicas but none is ready: requests go to all of them (panic routing). */
  get panic(): boolean {
    return this.list.length > 0 && !this.list.some((r) => r.ready);
  }

  /**
   * The next replica in turn, other than `exclude`: a ready one, or any one in panic. When every
   * candidate is ejected, the one whose ejection ends first is used anyway (a gateway that ejected
   * everything would serve nothing).
   */
  pick(exclude?: Replica): Replica | NoReplica {
    const now = Date.now();
    const n = this.list.length;
    const panic = this.panic;
    let busy = false;
    let fallback: Replica | undefined;
    for (let i = 0; i < n; i++) {
      const index = (this.cursor + i) % n;
      const r = this.list[index] as Replica;
      if (r === exclude || (!r.ready && !panic)) continue;
      if (r.inflight >= this.maxInflightPerReplica) {
        busy = true;
      } else if (r.isEjected(now)) {
        if (!fallback || r.ejectedUntilMs < fallback.ejectedUntilMs) fallback = r;
      } else {
        this.cursor = index + 1;
        return r;
      }
    }
    if (busy) return 'busy';
    return fallback ?? 'unavailable';
  }

  /** Sets the replica list (from DNS); known URLs keep their state. Returns the new replicas. */
  setReplicas(urls: readonly string[]): Replica[] {
    const known = new Map(this.list.map((r) => [r.url, r]));
    const added: Replica[] = [];
    this.list = [...new Set(urls)].map((url) => {
      const existing = known.get(url);
      if (existing) return existing;
      const replica = new Replica(url);
      added.push(replica);
      return replica;
    });
    return added;
  }
}
