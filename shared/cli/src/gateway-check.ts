/** Before a job: is the gateway there? A clear line now beats a retried error on every key later. */
import { CommandError } from './args.js';

export interface GatewayState {
  status: number;
  body: unknown;
}

/** GETs `path` on the gateway. @throws CommandError when nothing answers */
export async function getGateway(gateway: string, path: string, timeoutMs = 5000): Promise<GatewayState> {
  let res: Response;
  try {
    res = await fetch(`${gateway}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CommandError(`cannot reach the gateway at ${gateway} (${why}); is the stack up? (npm start)`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, body };
}

/** @throws CommandError when the gateway does not answer /healthz with 200 */
export async function checkGateway(gateway: string, protocol = 'tensorhop'): Promise<void> {
  const path = protocol === 'oip' ? '/v2/health/live' : '/healthz';
  const { status } = await getGateway(gateway, path);
  if (status !== 200)
    throw new CommandError(`the gateway at ${gateway} answered ${path} with HTTP ${status}`);
}
