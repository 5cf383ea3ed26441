/**
 * One client request on its way through a pool: read a small body whole, pick a replica, send the
 * request to it, and when that attempt failed before a byte of it was written (refused, connect
 * timeout, a keep-alive socket found closed) send it once more to another replica — never more,
 * and never a request that may have been delivered: a replica that crashed on a request must not
 * get a second copy to crash on. Failures that are left become tensorhop errors that name the
 * pool: 502 HOP_UNAVAILABLE, 503 UNAVAILABLE, 429 OVERLOADED, 504 HOP_TIMEOUT, 413 PAYLOAD_TOO_LARGE.
 */
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { TensorhopError } from '@tensorhop/protocol';
import { openWhenSafe } from './attempt-socket.js';
import type { ExchangeDeps } from './exchange-deps.js';
import { logExchange } from './exchange-log.js';
import type { Pool } from './pool.js';
import { replyHeaders } from './proxy.js';
import type { Replica } from './replica.js';
import { RequestBody, type AttemptBody } from './request-body.js';
import { sendError, setHeaders } from './respond.js';
import {
  errorCode,
  isTransportError,
  noReplica,
  replicaFailed,
  timedOut,
  tooLarge,
  unreachable,
} from './exchange-errors.js';

const ignore = (): void => undefined;

export class Exchange {
  /** The current attempt's body writer; events of an earlier attempt are told apart by it. */
  private stream: AttemptBody | undefined;
  private replica: Replica | undefined;
  private upstream: ClientRequest | undefined;
  private answeredBy: Replica | undefined;
  private attempts = 0;
  private fatal: TensorhopError | undefined;
  private cancelConnect: (() => void) | undefined;
  private readonly deadline: NodeJS.Timeout;
  private readonly body: RequestBody;
  private readonly started = performance.now();

  /**
   * @param own the gateway's headers for the reply (trace id, CORS, …) as a flat list; they go out
   * with the replica's reply or with the gateway's error.
   */
  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly pool: Pool,
    private readonly deps: ExchangeDeps,
    private readonly traceId: string,
    private readonly own: readonly string[],
  ) {
    const { limits } = deps;
    this.body = new RequestBody(
      req,
      { maxBytes: limits.bodyLimitBytes, bufferBytes: limits.bodyBufferBytes, budget: deps.buffered },
      (received) => this.abort(tooLarge(limits.bodyLimitBytes, received)),
    );
    // A client that resets its connection: the reply's close accounts for it.
    req.on('error', ignore);
    this.deadline = setTimeout(
      () => this.abort(timedOut(pool, limits.requestTimeoutMs)),
      limits.requestTimeoutMs,
    );
    deps.active.count++;
    res.once('close', () => this.finish());
  }

  /** Reads a small body whole, then sends the request to the next replica in turn. */
  async start(): Promise<void> {
    await this.body.prefetch();
    if (this.fatal || this.res.writableEnded || this.res.destroyed) return;
    const replica = this.pool.pick();
    if (typeof replica === 'string')
      return this.reply(noReplica(this.pool, replica, this.deps.retryAfterSeconds));
    if (this.pool.panic) {
      this.deps.panic.note(this.pool.name, this.pool.replicas.length);
      this.deps.metrics.panicRouted.inc({ pool: this.pool.name });
    }
    this.send(replica);
  }

  /** One attempt: the request is made now, its body flows once its socket is known to be open. */
  private send(replica: Replica): void {
    this.attempts++;
    this.replica = replica;
    const stream = this.body.attempt();
    this.stream = stream;
    replica.inflight++;
    let upstream: ClientRequest;
    try {
      upstream = this.deps.proxy.request(
        replica,
        this.req.method ?? 'GET',
        this.req.url ?? '/',
        this.req.headers,
      );
    } catch (error) {
      // A header value Node refuses to send, say: the request cannot be made, to any replica.
      this.fatal = replicaFailed(this.pool, replica.url, errorCode(error), false);
      return this.onUpstreamError(error, stream);
    }
    this.upstream = upstream;
    stream.attach(upstream);
    upstream.on('response', (reply: IncomingMessage) => this.onResponse(reply, stream));
    upstream.on('error', (error) => this.onUpstreamError(error, stream));
    this.cancelConnect = openWhenSafe(upstream, () => stream.start(), this.deps.limits.connectTimeoutMs);
  }

  /** The replica answered: the attempt is over, the reply streams back. */
  private onResponse(upstreamRes: IncomingMessage, attempt: AttemptBody): void {
    const replica = this.replica;
    const res = this.res;
    if (!replica || attempt !== this.stream || res.writableEnded || res.destroyed) {
      upstreamRes.resume();
      return;
    }
    this.answeredBy = replica;
    replica.recordSuccess();
    if (upstreamRes.statusCode === 503) this.notReady(replica, 'answered 503 (not ready)');
    upstreamRes.once('close', () => {
      if (upstreamRes.complete) return;
      // The replica went away in the middle of its reply: nothing to retry, cut ours too.
      this.recordFailure(replica, 'reply cut short');
      res.destroy();
    });
    res.writeHead(upstreamRes.statusCode ?? 502, replyHeaders(upstreamRes.rawHeaders, this.own));
    upstreamRes.pipe(res);
  }

  /** The attempt's request failed (or was cut by `abort`). */
  private onUpstreamError(error: unknown, attempt: AttemptBody): void {
    if (attempt !== this.stream || this.res.writableEnded || this.res.destroyed) return;
    const replica = this.replica;
    const delivered = this.stream?.open === true;
    const reused = this.upstream?.reusedSocket === true;
    this.endAttempt();
    if (this.fatal) return this.reply(this.fatal);
    if (!replica || this.answeredBy) return void this.res.destroy();
    if (this.req.destroyed && !this.req.complete) return; // the client went away
    const code = errorCode(error);
    // A reused keep-alive socket the replica had closed while idle is a race, not a dead replica.
    const stale = reused && !delivered;
    if (!stale) this.recordFailure(replica, code);
    if (code === 'ECONNREFUSED') this.notReady(replica, code);
    if (delivered || !isTransportError(code)) {
      return this.reply(replicaFailed(this.pool, replica.url, code, this.attempts > 1));
    }
    if (this.attempts < 2) {
      let next = this.pool.pick(replica);
      if (typeof next === 'string' && stale) next = replica;
      if (typeof next !== 'string') {
        this.deps.metrics.retries.inc({ pool: this.pool.name, replica: replica.url });
        this.upstream = undefined;
        return this.send(next);
      }
    }
    // Nothing was delivered anywhere: with no ready replica, that is the pool being down.
    if (this.pool.panic) return this.reply(unreachable(this.pool, code, this.deps.retryAfterSeconds));
    this.reply(replicaFailed(this.pool, replica.url, code, this.attempts > 1));
  }

  /** Stops the exchange with `error`: the current upstream call is cut, the client gets the error. */
  private abort(error: TensorhopError): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.fatal = error;
    if (this.upstream && !this.upstream.destroyed) {
      // The upstream's error event then replies with `fatal`.
      this.upstream.destroy(Object.assign(new Error(error.message), { code: 'EABORTED' }));
    } else if (!this.replica) {
      this.reply(error);
    } else {
      this.endAttempt();
      this.reply(error);
    }
  }

  private notReady(replica: Replica, reason: string): void {
    if (replica.markNotReady(reason)) {
      this.deps.log.warn(
        { pool: this.pool.name, replica: replica.url, reason },
        'replica not ready (passive)',
      );
    }
  }

  private recordFailure(replica: Replica, reason: string): void {
    if (replica.recordFailure(Date.now(), this.deps.policy)) {
      this.deps.metrics.ejections.inc({ pool: this.pool.name, replica: replica.url });
      const until = new Date(replica.ejectedUntilMs).toISOString();
      this.deps.log.warn({ pool: this.pool.name, replica: replica.url, reason, until }, 'replica ejected');
    }
  }

  /** The current attempt is over (failed or done): it no longer counts as in flight. */
  private endAttempt(): void {
    this.cancelConnect?.();
    if (this.replica && !this.answeredBy) {
      this.replica.inflight--;
      this.replica = undefined;
    }
  }

  private reply(error: TensorhopError): void {
    clearTimeout(this.deadline);
    if (!this.res.headersSent) setHeaders(this.res, this.own);
    sendError(this.req, this.res, error);
  }

  /** The reply has been sent or the client left: account for it once, release what is held. */
  private finish(): void {
    clearTimeout(this.deadline);
    this.cancelConnect?.();
    if (this.answeredBy) this.answeredBy.inflight--;
    else this.endAttempt();
    if (this.upstream && !this.upstream.destroyed && !this.res.writableFinished) this.upstream.destroy();
    this.body.discard();
    this.deps.active.count--;
    const seconds = (performance.now() - this.started) / 1000;
    // 499: the client went away before its reply was sent (nginx's code for it).
    const status = this.res.writableFinished ? this.res.statusCode : 499;
    this.answeredBy?.served.add();
    const replica = this.answeredBy?.url ?? 'none';
    this.deps.metrics.record(this.pool.name, replica, status, seconds);
    logExchange(this.deps.log, {
      trace_id: this.traceId,
      pool: this.pool.name,
      path: this.req.url ?? '/',
      replica,
      status,
      attempts: this.attempts,
      ms: Math.round(seconds * 1e4) / 10,
    });
  }
}
