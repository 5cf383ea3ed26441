/**
 * Progress of a batch on stderr: a bar redrawn in place when stderr is a terminal, else a plain
 * line every `intervalMs` (logs and CI keep a readable history).
 */
export interface ProgressCounts {
  done: number;
  errors: number;
}

const BAR = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export class Progress {
  private readonly started = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly total: number,
    private readonly counts: ProgressCounts,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = stream.isTTY ? 200 : 10_000,
  ) {
    this.timer = setInterval(() => this.draw(), this.intervalMs);
    this.timer.unref();
  }

  /** Rows per second since the start. */
  rate(): number {
    return this.counts.done / Math.max(0.001, (Date.now() - this.started) / 1000);
  }

  line(): string {
    const { done, errors } = this.counts;
    const rate = this.rate();
    const left = Math.max(0, this.total - done);
    const pct = this.total > 0 ? Math.min(100, (100 * done) / this.total) : 100;
    const eta = left === 0 ? 0 : rate > 0 ? left / rate : Infinity;
    const text = `${done}/${this.total} ${pct.toFixed(0)}% · ${rate.toFixed(1)}/s · ETA ${duration(eta)} · ${errors} errors`;
    if (!this.stream.isTTY) return `batch: ${text}`;
    const filled = Math.round((BAR * pct) / 100);
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${text}`;
  }

  private draw(): void {
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${this.line()}`);
    else this.stream.write(`${this.line()}\n`);
  }

  /** Draws the final state and stops redrawing. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${this.line()}\n`);
  }
}
