/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, capped at `capMs`,
 * with "equal jitter" (half fixed, half random) so that synchronized clients spread out while
 * each still waits a useful minimum.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
