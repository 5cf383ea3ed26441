/**
 * The files of a batch: the input (text lines, each line its own key and URL, or JSON lines
 * `{"key", "url"}`) and the output (JSON lines, appended one whole line per write). Resuming
 * reads the keys already written, after cutting a torn last line left by a kill mid-write.
 */
import {
  closeSync,
  createReadStream,
  fsyncSync,
  openSync,
  readSync,
  fstatSync,
  ftruncateSync,
  writeSync,
} from 'node:fs';
import { createInterface } from 'node:readline';

export type InputItem = { key: string; url: string } | { key: string; invalid: string };

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

function parseItem(line: string): InputItem | undefined {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return undefined;
  if (!text.startsWith('{')) return { key: text, url: text };
  let item: unknown;
  try {
    item = JSON.parse(text);
  } catch {
    return { key: text, invalid: 'not a JSON line: expected {"key": ..., "url": ...}' };
  }
  const { key, url } = item as { key?: unknown; url?: unknown };
  if (typeof url !== 'string') {
    return { key: typeof key === 'string' ? key : text, invalid: 'the JSON line has no "url" string' };
  }
  return { key: typeof key === 'string' ? key : url, url };
}

/** The items of an input file, in order (blank lines and # comments skipped). */
export async function* readInput(path: string): AsyncGenerator<InputItem> {
  for await (const line of lines(path)) {
    const item = parseItem(line);
    if (item) yield item;
  }
}

export async function countInput(path: string): Promise<number> {
  let n = 0;
  for await (const line of lines(path)) if (parseItem(line)) n++;
  return n;
}

/** Cuts the file after its last newline; returns the bytes dropped (a torn last line). */
function dropTornTail(path: string): number {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0;) {
      const start = Math.max(0, end - block.length);
      const n = readSync(fd, block, 0, end - start, start);
      const at = block.subarray(0, n).lastIndexOf(10);
      if (at >= 0) {
        const keep = start + at + 1;
        if (keep < size) ftruncateSync(fd, keep);
        return size - keep;
      }
      end = start;
    }
    if (size > 0) ftruncateSync(fd, 0);
    return size;
  } finally {
    closeSync(fd);
  }
}

/** Keys already in `path` (none when it does not exist), after dropping a torn last line. */
export async function scanOutput(path: string): Promise<{ keys: Set<string>; droppedBytes: number }> {
  let droppedBytes: number;
  try {
    droppedBytes = dropTornTail(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: new Set(), droppedBytes: 0 };
    throw error;
  }
  const keys = new Set<string>();
  let n = 0;
  for await (const line of lines(path)) {
    n++;
    if (line === '') continue;
    let key: unknown;
    try {
      key = (JSON.parse(line) as { key?: unknown }).key;
    } catch {
      key = undefined;
    }
    if (typeof key !== 'string') throw new Error(`${path}:${n} is not a result line; fix or remove the file`);
    keys.add(key);
  }
  return { keys, droppedBytes };
}

/** Appends whole lines: one write(2) per line, so a kill leaves at most one torn line. */
export class LineWriter {
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }
  write(line: string): void {
    writeSync(this.fd, line);
  }
  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
