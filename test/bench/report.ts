/** Small helpers the benchmarks share: percentiles and a plain-text table. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: readonly string[]) => '| ' + r.map((v, c) => v.padEnd(widths[c] ?? 0)).join(' | ') + ' |';
  console.log(`\n${title}\n`);
  rows.forEach((r, i) => {
    console.log(line(r));
    if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  });
}
