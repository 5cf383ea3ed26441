/** Reading a Prometheus text exposition (`GET /metrics`) in tests and benchmarks. */

/** Values of `name`'s samples that carry every label in `labels` (among others), in order. */
export function sampleValues(text: string, name: string, labels: Record<string, string> = {}): number[] {
  const values: number[] = [];
  for (const line of text.split('\n')) {
    const [, sample, body = '', value = ''] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line) ?? [];
    if (sample !== name) continue;
    const has = new Map([...body.matchAll(/(\w+)="([^"]*)"/g)].map(([, k = '', v = '']) => [k, v]));
    if (Object.entries(labels).every(([k, v]) => has.get(k) === v)) values.push(Number(value));
  }
  return values;
}

/** The value of the first sample of `name` with those labels, or 0 when there is none. */
export function metric(text: string, name: string, labels: Record<string, string>): number {
  return sampleValues(text, name, labels)[0] ?? 0;
}
