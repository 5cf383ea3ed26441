import { DownloadError } from './errors.js';

/** A counting semaphore; waits give up when their signal aborts. */
export class Semaphore {
  private active = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly limit: number) {}

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.size;
  }

  /** Takes a free slot if there is one, without waiting. */
  tryAcquire(): boolean {
    if (this.active >= this.limit) return false;
    this.active += 1;
    return true;
  }

  /** Takes a slot, waiting in line when none is free; rejects with the signal's reason on abort. */
  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters.delete(waiter);
        reject(signal.reason);
      };
      const waiter = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.add(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Returns a slot, handing it straight to the first waiter if there is one. */
  release(): void {
    const next = this.waiters.values().next();
    if (next.done === true) {
      this.active -= 1;
      return;
    }
    this.waiters.delete(next.value);
    next.value();
  }
}

/**
 * Global plus per-host limits. A slot covers one HTTP exchange: it is taken per attempt and per
 * redirect hop and returned before any backoff sleep, so a slow host never holds global slots
 * while it waits. The host slot is taken first, so nobody holds a global slot while queued on a host.
 */
export class HostLimiter {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();
  private waiting = 0;

  constructor(
    concurrency: number,
    private readonly perHost: number,
    /** Exchanges allowed to wait, all hosts together; beyond it acquire fails with OVERLOADED. */
    private readonly maxQueue: number,
  ) {
    this.global = new Semaphore(concurrency);
  }

  /** Number of exchanges waiting for a slot. */
  get queued(): number {
    return this.waiting;
  }

  /** Number of exchanges holding a slot. */
  get active(): number {
    return this.global.inUse;
  }

  /** Takes a host slot and a global slot; resolves to the function that returns both. */
  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    const hostSemaphore = this.hosts.get(host) ?? new Semaphore(this.perHost);
    this.hosts.set(host, hostSemaphore);
    try {
      await this.take(hostSemaphore, signal);
    } catch (error) {
      this.forgetIfIdle(host, hostSemaphore);
      throw error;
    }
    try {
      await this.take(this.global, signal);
    } catch (error) {
      this.releaseHost(host, hostSemaphore);
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.global.release();
      this.releaseHost(host, hostSemaphore);
    };
  }

  /** Takes a slot at once if free, else queues, unless the shared waiting line is full. */
  private async take(semaphore: Semaphore, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    if (semaphore.tryAcquire()) return;
    if (this.waiting >= this.maxQueue) throw new DownloadError('OVERLOADED', 'download queue is full');
    this.waiting += 1;
    try {
      await semaphore.acquire(signal);
    } finally {
      this.waiting -= 1;
    }
  }

  private releaseHost(host: string, semaphore: Semaphore): void {
    semaphore.release();
    this.forgetIfIdle(host, semaphore);
  }

  /** Drops idle per-host semaphores so the map does not grow with every host ever seen. */
  private forgetIfIdle(host: string, semaphore: Semaphore): void {
    if (semaphore.inUse === 0 && semaphore.queued === 0 && this.hosts.get(host) === semaphore) {
      this.hosts.delete(host);
    }
  }
}
