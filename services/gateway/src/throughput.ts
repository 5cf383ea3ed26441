/**
 * Recent throughput: replies counted in one-second buckets over a sliding window (10 s by default),
 * so the status page shows what a replica does now, not since start-up. Constant memory and
 * constant time per request: a ring of buckets, each stamped with the second it counts.
 */
export class Throughput {
  private readonly counts: number[];
  private readonly seconds: number[];

  /** @param windowSeconds length of the window the rate is averaged over. @default 10 */
  constructor(private readonly windowSeconds = 10) {
    this.counts = new Array<number>(windowSeconds).fill(0);
    this.seconds = new Array<number>(windowSeconds).fill(-1);
  }

  /** Counts one reply at `now` (ms). */
  add(now = Date.now()): void {
    const second = Math.floor(now / 1000);
    const i = second % this.windowSeconds;
    if (this.seconds[i] !== second) {
      this.seconds[i] = second;
      this.counts[i] = 0;
    }
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }

  /** Replies per second over the last `windowSeconds` seconds up to `now` (ms). */
  perSecond(now = Date.now()): number {
    const current = Math.floor(now / 1000);
    let total = 0;
    for (let i = 0; i < this.windowSeconds; i++) {
      const second = this.seconds[i] ?? -1;
      if (second > current - this.windowSeconds && second <= current) total += this.counts[i] ?? 0;
    }
    return total / this.windowSeconds;
  }
}
