/** Writing OIP replies: `{"error": ...}` with the code's status, or a body with binary parts. */
import type { Response } from 'express';
import { INFERENCE_HEADER, oipErrorBody, type BuiltBody } from '@tensorhop/protocol';

export function sendOipError(res: Response, error: unknown): void {
  const { status, body } = oipErrorBody(error);
  const retry = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('retry-after', String(Math.max(1, Math.ceil(retry))));
  res.status(status).json(body);
}

export function sendOipBody(
  res: Response,
  status: number,
  built: BuiltBody,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined)
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  if (built.headerLength !== undefined) res.setHeader(INFERENCE_HEADER, String(built.headerLength));
  res.status(status).type(built.contentType).end(built.body);
}
