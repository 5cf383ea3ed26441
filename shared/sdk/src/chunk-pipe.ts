/**
 * The engine of `pipe()`: items from an (async) iterable, cut into chunks, `concurrency` chunks
 * run at once, results yielded as chunks complete or in input order. At most `concurrency` chunks
 * are between the source and the consumer (running, or done and not yet taken), so a slow
 * consumer or a slow head chunk holds the source back instead of filling memory.
 */
import { ChunkReader } from './chunk-reader.js';

export interface ChunkPipeOptions {
  batchSize: number;
  concurrency: number;
  ordered: boolean;
  maxWaitMs: number;
  signal?: AbortSignal | undefined;
}

/** Wakes whoever waits on it; a wake-up before the wait is seen through the state it changed. */
class Bell {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  ring(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

type Run<I, R> = (chunk: I[], signal: AbortSignal) => Promise<R[]>;

/** The state between the source and the consumer: chunks running, and chunks done but not taken. */
class ChunkFlow<I, R> {
  /** Rings when a chunk completes or fails, the source ends, or the flow is aborted. */
  readonly news = new Bell();
  failed: { error: unknown } | undefined;
  sourceFailed: { error: unknown } | undefined;
  private readonly room = new Bell();
  private readonly controller = new AbortController();
  // One controller per chunk, not one signal shared by all: each call hangs a listener on its
  // chunk's signal, and hundreds on one signal would trip Node's leak warning.
  private readonly running = new Set<AbortController>();
  private readonly done = new Map<number, R[]>();
  private readonly completed: number[] = [];
  private outstanding = 0;
  private ended = false;
  private nextInOrder = 0;

  constructor(
    private readonly reader: ChunkReader<I>,
    private readonly run: Run<I, R>,
    private readonly concurrency: number,
    private readonly ordered: boolean,
  ) {}

  get finished(): boolean {
    return this.ended && this.outstanding === 0;
  }

  /** Reads chunks and starts them while there is room, until the source ends or the flow stops. */
  async produce(): Promise<void> {
    const stopped = this.controller.signal;
    try {
      for (let seq = 0; !stopped.aborted; seq++) {
        while (this.outstanding >= this.concurrency && !stopped.aborted) await this.room.wait();
        const chunk = stopped.aborted ? undefined : await this.reader.next();
        if (!chunk || stopped.aborted) break;
        this.start(seq, chunk);
      }
    } catch (error) {
      this.sourceFailed = { error };
    } finally {
      this.ended = true;
      this.news.ring();
    }
  }

  private start(seq: number, chunk: I[]): void {
    this.outstanding++;
    const own = new AbortController();
    this.running.add(own);
    this.run(chunk, own.signal).then(
      (results) => {
        this.running.delete(own);
        this.done.set(seq, results);
        if (!this.ordered) this.completed.push(seq);
        this.news.ring();
      },
      (error: unknown) => {
        this.running.delete(own);
        this.failed ??= { error };
        this.news.ring();
      },
    );
  }

  /** The results of the next chunk to hand out (the next completed, or the next in order), if ready. */
  take(): R[] | undefined {
    const seq = this.ordered ? this.nextInOrder : this.completed.shift();
    const results = seq === undefined ? undefined : this.done.get(seq);
    if (seq === undefined || results === undefined) return undefined;
    this.done.delete(seq);
    if (this.ordered) this.nextInOrder++;
    this.outstanding--;
    this.room.ring();
    return results;
  }

  /** Aborts the chunks in flight and stops reading the source. */
  abort(reason: unknown): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort(reason);
    for (const c of this.running) c.abort(reason);
    this.reader.close();
    this.room.ring();
    this.news.ring();
  }
}

/**
 * Runs `run` over chunks of `source` and yields every result. Leaving the loop early aborts the
 * chunks in flight (through the signal `run` gets) and closes the source.
 * @throws the user signal's reason on abort, an error `run` threw, or the source's error (after
 * the results of every item read before it)
 */
export async function* chunkPipe<I, R>(
  source: Iterable<I> | AsyncIterable<I>,
  run: Run<I, R>,
  options: ChunkPipeOptions,
): AsyncGenerator<R, void, undefined> {
  const { signal } = options;
  signal?.throwIfAborted();
  const reader = new ChunkReader(source, Math.max(1, options.batchSize), options.maxWaitMs);
  const flow = new ChunkFlow(reader, run, Math.max(1, options.concurrency), options.ordered);
  const onAbort = (): void => flow.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  void flow.produce();
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (flow.failed) throw flow.failed.error;
      const results = flow.take();
      if (results) yield* results;
      else if (flow.finished) break;
      else await flow.news.wait();
    }
    if (flow.sourceFailed) throw flow.sourceFailed.error;
  } finally {
    flow.abort(new Error('pipe closed'));
    signal?.removeEventListener('abort', onAbort);
  }
}
