/**
 * The one counting semaphore: at most `limit` holders; the rest wait in FIFO order. A slot is
 * handed straight to the first waiter, so a newcomer cannot jump the line, and a waiter whose
 * signal aborts leaves the line and rejects with the signal's reason.
 */
export class Semaphore {
  readonly limit: number;
  #active = 0;
  readonly #waiters = new Set<() => void>();

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`semaphore limit must be an integer >= 1 (got ${limit})`);
    this.limit = limit;
  }

  /** Slots held now. */
  get active(): number {
    return this.#active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Takes a free slot if there is one, without waiting. */
  tryAcquire(): boolean {
    if (this.#active >= this.limit) return false;
    this.#active++;
    return true;
  }

  /** Takes a slot, waiting in line when none is free. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiters.delete(grant);
        reject(signal?.reason);
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.#waiters.add(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Returns a slot, handing it to the first waiter if there is one. */
  release(): void {
    const next = this.#waiters.values().next();
    if (next.done === true) {
      this.#active--;
      return;
    }
    this.#waiters.delete(next.value);
    next.value();
  }

  /** Runs `task` holding a slot, and releases it when the task settles. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}
