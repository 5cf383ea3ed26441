/** Numbers and URLs as the page shows them. */

/** `1234` → `1.2 KB`. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)} KB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A score in [0, 1] as a percentage. */
export function percent(score: number): string {
  const p = Math.max(0, Math.min(1, score)) * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

const MAX_URL = 48;

/**
 * A URL short enough for a card: a `data:` URL by its media type and size (never its text),
 * a long one by its start and end.
 */
export function shortUrl(url: string): string {
  if (url.startsWith('data:')) {
    const type = url.slice(5, url.indexOf(',') < 0 ? undefined : url.indexOf(',')).split(';')[0];
    return `data: URL (${type || 'text/plain'}, ${formatBytes(url.length)})`;
  }
  if (url.length <= MAX_URL) return url;
  return `${url.slice(0, MAX_URL - 16)}…${url.slice(-15)}`;
}

/** Whether `url` can be shown as an image by the browser itself. */
export function isPreviewable(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^data:image\//i.test(url);
}
