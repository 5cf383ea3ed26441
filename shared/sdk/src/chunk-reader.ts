/**
 * Cuts an (async) iterable into chunks. A chunk is sent when it is full, when the source ends, or
 * when the source has kept a started chunk waiting for `maxWaitMs`; an empty wait is never taken
 * for the end of the stream: only the source saying `done` ends it.
 */
const TIMEOUT = Symbol('timeout');

export class ChunkReader<I> {
  private readonly it: Iterator<I> | AsyncIterator<I>;
  /** A `next()` already asked for and not yet taken; kept across a partial chunk. */
  private pending: Promise<IteratorResult<I>> | undefined;
  private ended = false;
  private error: { reason: unknown } | undefined;

  constructor(
    source: Iterable<I> | AsyncIterable<I>,
    private readonly batchSize: number,
    private readonly maxWaitMs: number,
  ) {
    this.it =
      Symbol.asyncIterator in source
        ? (source as AsyncIterable<I>)[Symbol.asyncIterator]()
        : (source as Iterable<I>)[Symbol.iterator]();
  }

  /** The next chunk, or undefined once the source is done. Rethrows the source's error after the items before it. */
  async next(): Promise<I[] | undefined> {
    if (this.error) throw this.error.reason;
    if (this.ended) return undefined;
    const chunk: I[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timeout: Promise<typeof TIMEOUT> | undefined;
    try {
      while (chunk.length < this.batchSize) {
        // A sync iterator that throws becomes a rejection here.
        this.pending ??= new Promise<IteratorResult<I>>((resolve) => resolve(this.it.next()));
        const r = timeout ? await Promise.race([this.pending, timeout]) : await this.pending;
        if (r === TIMEOUT) break;
        this.pending = undefined;
        if (r.done) {
          this.ended = true;
          break;
        }
        chunk.push(r.value);
        if (!timeout)
          timeout = new Promise((resolve) => (timer = setTimeout(resolve, this.maxWaitMs, TIMEOUT)));
      }
    } catch (reason) {
      this.pending = undefined;
      this.error = { reason };
      if (chunk.length === 0) throw reason;
    } finally {
      clearTimeout(timer);
    }
    return chunk.length > 0 ? chunk : undefined;
  }

  /** Lets the source release what it holds; not awaited, as a pending `next()` may never settle. */
  close(): void {
    if (this.ended || this.error) return;
    this.ended = true;
    try {
      const result = this.it.return?.();
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // The source failing to close is not the caller's concern any more.
    }
  }
}
