/** Reads a request body into one Buffer, refusing it as soon as it passes the limit. */
import type { IncomingMessage } from 'node:http';
import { TensorhopError } from '../errors.js';

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limitBytes) {
    req.resume();
    return Promise.reject(tooLarge(limitBytes, `${declared} bytes declared`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        req.resume();
        reject(tooLarge(limitBytes, `more than ${limitBytes} bytes sent`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new TensorhopError('BAD_REQUEST', `request body could not be read: ${error.message}`));
    };
    const onAborted = (): void => onError(new Error('client went away'));
    const cleanup = (): void => {
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
