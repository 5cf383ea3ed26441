/**
 * A client's request body, streamed to a replica without buffering it, yet replayable once.
 *
 * Why a retry still works with a streamed body: each attempt gets its own writer (`attempt()`),
 * and that writer takes no byte from the client until the upstream socket has connected. A refused
 * connection — the usual failure of a dead replica — has then consumed nothing, so the retry sends
 * the whole body whatever its size. For a reset after bytes were sent (a replica killed mid-request,
 * a stale keep-alive socket), the bytes sent so far are kept up to `replayBytes` and sent again
 * first; a body larger than that is not retried. The copy is dropped as soon as a reply arrives.
 *
 * The size limit is enforced here as the bytes arrive, whatever Content-Length said. Bytes go from
 * the client's stream straight to the upstream request, with backpressure, and no stream in between.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { linger } from './respond.js';

export interface BodyLimits {
  /** Largest body; past it `onTooLarge` is called and the client is no longer read. */
  maxBytes: number;
  /** Bytes kept to replay on a retry. */
  replayBytes: number;
}

/**
 * What http-proxy pipes into its upstream request instead of the client's stream (its `buffer`
 * option): only `pipe` is called, which hands over the upstream request.
 */
export class AttemptBody {
  /** The upstream request of this attempt, known at `pipe`, before it has a socket. */
  upstream: ClientRequest | undefined;
  open = false;

  constructor(private readonly owner: RequestBody) {}

  pipe<T>(destination: T): T {
    this.upstream = destination as unknown as ClientRequest;
    this.owner.onPiped?.(this.upstream);
    return destination;
  }

  /** Lets bytes flow: called once the upstream socket has connected. */
  start(): void {
    if (this.open) return;
    this.open = true;
    this.owner.pull(this);
  }
}

export class RequestBody {
  private recorded: Buffer[] = [];
  private recordedBytes = 0;
  private keeping = true;
  private received = 0;
  private ended = false;
  private discarding = false;
  private waitingDrain = false;
  private current: AttemptBody | undefined;
  /** Set by the caller to learn each attempt's upstream request as soon as it exists. */
  onPiped: ((upstream: ClientRequest) => void) | undefined;

  constructor(
    private readonly source: IncomingMessage,
    private readonly limits: BodyLimits,
    private readonly onTooLarge: (received: number) => void,
  ) {
    source.pause();
    source.on('data', (chunk: Buffer) => this.onData(chunk));
    source.on('end', () => {
      this.ended = true;
      const upstream = this.writable();
      if (upstream) upstream.end();
    });
  }

  /** Another attempt can send the same body: nothing read yet, or everything read still kept. */
  get replayable(): boolean {
    return this.received === 0 || (this.keeping && this.recordedBytes === this.received);
  }

  /** A writer for the next attempt; the previous one gets no more bytes. */
  attempt(): AttemptBody {
    this.source.pause();
    this.current = new AttemptBody(this);
    return this.current;
  }

  /** No retry can happen any more (a reply has started): drop the kept copy. */
  release(): void {
    this.keeping = false;
    this.recorded = [];
    this.recordedBytes = 0;
  }

  /**
   * The exchange is over: the rest of the body is read and dropped, so the connection can carry the
   * next request, for at most `lingerMs`, after which it is closed (a client that keeps sending a
   * huge body after its 413 is not read forever). Dropping it at once could lose our reply to a TCP
   * reset while the client is still writing.
   */
  discard(lingerMs = 2000): void {
    this.discarding = true;
    this.current = undefined;
    this.release();
    if (!this.ended) linger(this.source, lingerMs);
  }

  /** The current attempt's upstream request when bytes may be written to it. */
  private writable(): ClientRequest | undefined {
    const upstream = this.current?.open ? this.current.upstream : undefined;
    return upstream && !upstream.destroyed ? upstream : undefined;
  }

  /** An attempt has connected: replay what is kept, then let the client's bytes flow. */
  pull(attempt: AttemptBody): void {
    if (attempt !== this.current || this.discarding) return;
    const upstream = this.writable();
    if (!upstream) return;
    for (const chunk of this.recorded) upstream.write(chunk);
    if (this.ended) upstream.end();
    else this.source.resume();
  }

  private onData(chunk: Buffer): void {
    if (this.discarding) return;
    this.received += chunk.length;
    if (this.received > this.limits.maxBytes) {
      this.source.pause();
      this.release();
      this.onTooLarge(this.received);
      return;
    }
    if (this.keeping) {
      if (this.recordedBytes + chunk.length <= this.limits.replayBytes) {
        this.recorded.push(chunk);
        this.recordedBytes += chunk.length;
      } else {
        this.release();
      }
    }
    const upstream = this.writable();
    if (!upstream) {
      // Only between a failed attempt and the next: the chunk is in `recorded` if the body is
      // replayable, and one that is not replayable is not retried.
      this.source.pause();
      return;
    }
    if (!upstream.write(chunk) && !this.waitingDrain) {
      this.source.pause();
      this.waitingDrain = true;
      upstream.once('drain', () => {
        this.waitingDrain = false;
        if (this.writable() === upstream) this.source.resume();
      });
    }
  }
}
