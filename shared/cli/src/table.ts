/** Plain-text output of results: an aligned table, or one JSON line per key. */
import type { KeyedResult } from '@tensorhop/sdk';

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '))
    .join('\n');
}

/** key, label, score (and the runners-up), or the error code and message with its stage. */
export function resultTable(results: readonly KeyedResult[]): string {
  const rows = results.map((r) => {
    if (!r.ok) return [r.key, r.code, '', `${r.message} (${r.stage || 'unknown stage'})`];
    const others = r.classes.slice(1).map((c, i) => `${c} ${(r.scores[i + 1] ?? 0).toFixed(4)}`);
    return [r.key, r.classes[0] ?? '', (r.scores[0] ?? 0).toFixed(4), others.join(', ')];
  });
  return formatTable([['KEY', 'LABEL', 'SCORE', 'NEXT'], ...rows]);
}

/** The line `batch` writes and `classify --json` prints for one key. */
export function resultLine(r: KeyedResult): string {
  return `${JSON.stringify(r)}\n`;
}
