/** The counts of a batch, for its progress line and its closing summary. */
import type { KeyedResult } from '@tensorhop/sdk';

const bump = (m: Map<string, number>, code: string): void => void m.set(code, (m.get(code) ?? 0) + 1);
const byCode = (m: Map<string, number>): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');

export class BatchTally {
  /** Rows written. */
  done = 0;
  /** Rows written with an error. */
  errors = 0;
  ok = 0;
  /** Keys already in the output, skipped. */
  skipped = 0;
  /** Keys seen before in this run's input, run once. */
  duplicates = 0;
  private readonly failed = new Map<string, number>();
  /** Rows not written: refused as overloaded or unavailable after every retry. */
  private readonly transient = new Map<string, number>();

  written(r: KeyedResult): void {
    this.done++;
    if (r.ok) this.ok++;
    else {
      this.errors++;
      bump(this.failed, r.code);
    }
  }

  notWritten(code: string): void {
    bump(this.transient, code);
  }

  get unfinished(): number {
    return [...this.transient.values()].reduce((a, b) => a + b, 0);
  }

  summary(seconds: number): string {
    const failed = this.done - this.ok;
    const rate = (this.done / Math.max(seconds, 0.001)).toFixed(1);
    const parts = [
      `batch: ${this.done} rows in ${seconds.toFixed(1)} s (${rate} rows/s)`,
      `ok ${this.ok}`,
      `failed ${failed}${failed ? ` (${byCode(this.failed)})` : ''}`,
    ];
    if (this.skipped) parts.push(`skipped ${this.skipped} already in the output`);
    if (this.duplicates) parts.push(`${this.duplicates} repeated keys run once`);
    if (this.unfinished) {
      parts.push(`not written ${this.unfinished} (${byCode(this.transient)}): rerun with --resume`);
    }
    return `${parts.join('; ')}\n`;
  }
}
