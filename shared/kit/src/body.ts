/**
 * Reads a request body into one Buffer under a size limit and a deadline: a sender that trickles
 * bytes is cut off (REQUEST_TIMEOUT) instead of holding the connection and its memory.
 */
import type { IncomingMessage } from 'node:http';
import { TensorhopError } from '@tensorhop/protocol';

export function readBody(req: IncomingMessage, limitBytes: number, timeoutMs = 30_000): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limitBytes) {
    req.resume();
    return Promise.reject(tooLarge(limitBytes, `${declared} bytes declared`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: TensorhopError): void => {
      cleanup();
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new TensorhopError('REQUEST_TIMEOUT', `request body not received within ${timeoutMs} ms`));
      // The sender is too slow to be worth the socket: answer, then drop what it still sends.
      req.resume();
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        req.resume();
        fail(tooLarge(limitBytes, `more than ${limitBytes} bytes sent`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void =>
      fail(new TensorhopError('BAD_REQUEST', `request body could not be read: ${error.message}`));
    const onAborted = (): void => onError(new Error('client went away'));
    const cleanup = (): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

function tooLarge(limit: number, detail: string): TensorhopError {
  return new TensorhopError('PAYLOAD_TOO_LARGE', `request body over the limit of ${limit} bytes (${detail})`);
}
