/**
 * When an attempt may start writing its request: only once its socket is known to be open, so that
 * an attempt that fails before is provably undelivered and can be retried.
 *
 * - A new connection: on `connect`; a connection not made within `connectTimeoutMs` is destroyed
 *   with ETIMEDOUT (nothing was written, so that is retried too).
 * - A reused keep-alive socket: after one turn of the event loop, in which a close that the replica
 *   sent while the socket sat idle (its keep-alive timeout) is read before any byte is written. The
 *   request then fails with "socket hang up" having written nothing. What this cannot see is a
 *   close still on the wire; the attempt has then written and is not retried.
 */
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

/** Calls `open` when `upstream` may write; returns a function that cancels the connect deadline. */
export function openWhenSafe(
  upstream: ClientRequest,
  open: () => void,
  connectTimeoutMs: number,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  upstream.once('socket', (socket: Socket) => {
    if (!socket.connecting) {
      setImmediate(() => {
        if (!socket.destroyed && !socket.readableEnded && !upstream.destroyed) open();
      });
      return;
    }
    timer = setTimeout(() => {
      upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      open();
    });
  });
  return () => clearTimeout(timer);
}
