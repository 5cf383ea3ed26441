/**
 * Seconds from a Retry-After header (delta-seconds or an HTTP date, first value when repeated);
 * undefined when absent or malformed. The one parser: callers that want milliseconds multiply.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined | null,
  now = Date.now(),
): number | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string' || first.trim() === '') return undefined;
  const trimmed = first.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
