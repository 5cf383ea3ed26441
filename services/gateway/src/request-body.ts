/**
 * A client's request body on its way to a replica.
 *
 * Small bodies are read whole before a replica is picked (`prefetch`): a client that sends slowly
 * then holds only its own connection to the gateway (bounded by the server's request deadline and
 * the per-client connection limit), not a replica's in-flight slot, and the replica gets the
 * request at loopback speed. A body larger than `bufferBytes` streams on, with backpressure, once
 * that much has arrived — a client has to send that much before it can occupy a replica.
 *
 * Why a retry is safe: each attempt gets its own writer (`attempt()`), and that writer writes no
 * byte until the exchange opens it (its socket connected, see exchange.ts). An attempt that failed
 * before its writer opened provably sent nothing, and the next attempt sends the same bytes. Once a
 * writer has opened, the request may have been delivered and is never sent again: a replica that
 * crashed on it must not get the chance to crash twice.
 *
 * What is read ahead is bounded per request (`bufferBytes`) and across requests (`budget`): past
 * the budget a body streams at once, as if it were large, so many slow clients together cannot
 * exhaust memory either. The size limit is enforced here as bytes arrive, whatever
 * Content-Length said.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { linger } from './respond.js';

export interface BodyLimits {
  /** Largest body; past it `onTooLarge` is called and the client is no longer read. */
  maxBytes: number;
  /** Bytes read before a replica is picked (the whole body when it is smaller). */
  bufferBytes: number;
  /** Bytes read ahead by all requests together, shared by every RequestBody of a gateway. */
  budget: { used: number; max: number };
}

/** The body's writer for one attempt: no byte reaches the attempt's request before `start`. */
export class AttemptBody {
  /** The upstream request of this attempt, known from `attach`, before it has a socket. */
  upstream: ClientRequest | undefined;
  /** Bytes may have been written: from here on the request may have been delivered. */
  open = false;

  constructor(private readonly owner: RequestBody) {}

  /** Hands over the attempt's request, which gets the body once the attempt starts. */
  attach(upstream: ClientRequest): void {
    this.upstream = upstream;
  }

  /** Lets bytes flow: called once the upstream socket is known to be open. */
  start(): void {
    if (this.open) return;
    this.open = true;
    this.owner.pull(this);
  }
}

export class RequestBody {
  /** Bytes read before the first attempt opened. */
  private head: Buffer[] = [];
  private headBytes = 0;
  private received = 0;
  private ended = false;
  private streaming = false;
  private discarding = false;
  private waitingDrain = false;
  private current: AttemptBody | undefined;
  private prefetched: (() => void) | undefined;

  constructor(
    private readonly source: IncomingMessage,
    private readonly limits: BodyLimits,
    private readonly onTooLarge: (received: number) => void,
  ) {
    source.pause();
    source.on('data', (chunk: Buffer) => this.onData(chunk));
    source.on('end', () => {
      this.ended = true;
      this.donePrefetch();
      if (this.streaming) this.writable()?.end();
    });
  }

  /** Resolves once the body has ended or `bufferBytes` of it have arrived (at once for 0). */
  prefetch(): Promise<void> {
    const { bufferBytes, budget } = this.limits;
    if (this.ended || this.headBytes >= bufferBytes || budget.used >= budget.max) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.prefetched = resolve;
      this.source.resume();
    });
  }

  /** A writer for the next attempt; the previous one gets no more bytes. */
  attempt(): AttemptBody {
    this.current = new AttemptBody(this);
    return this.current;
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
    this.dropHead();
    if (!this.ended) linger(this.source, lingerMs);
  }

  /** The current attempt's upstream request when bytes may be written to it. */
  private writable(): ClientRequest | undefined {
    const upstream = this.current?.open ? this.current.upstream : undefined;
    return upstream && !upstream.destroyed ? upstream : undefined;
  }

  /** An attempt has opened: send what was read ahead, then let the client's bytes flow. */
  pull(attempt: AttemptBody): void {
    if (attempt !== this.current || this.discarding) return;
    const upstream = this.writable();
    if (!upstream) return;
    for (const chunk of this.head) upstream.write(chunk);
    this.dropHead();
    if (this.ended) {
      upstream.end();
    } else {
      this.streaming = true;
      this.source.resume();
    }
  }

  /** The bytes read ahead are sent or no longer needed: they leave the budget. */
  private dropHead(): void {
    this.limits.budget.used -= this.headBytes;
    this.head = [];
    this.headBytes = 0;
  }

  private donePrefetch(): void {
    const resolve = this.prefetched;
    this.prefetched = undefined;
    resolve?.();
  }

  private onData(chunk: Buffer): void {
    if (this.discarding) return;
    this.received += chunk.length;
    if (this.received > this.limits.maxBytes) {
      this.source.pause();
      this.dropHead();
      this.onTooLarge(this.received);
      return;
    }
    if (!this.streaming) {
      const budget = this.limits.budget;
      this.head.push(chunk);
      this.headBytes += chunk.length;
      budget.used += chunk.length;
      if (this.headBytes >= this.limits.bufferBytes || budget.used >= budget.max) {
        this.source.pause();
        this.donePrefetch();
      }
      return;
    }
    // No writer: the attempt failed after it had sent bytes, so there is no retry to keep them for.
    const upstream = this.writable();
    if (!upstream) return void this.source.pause();
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
