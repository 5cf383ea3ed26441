/** What the cache stores: anything that knows its size in bytes. */
export interface Sized {
  bytes: Buffer;
}

/**
 * A least-recently-used cache bounded by total bytes and by entry count. A Map keeps insertion
 * order, so re-inserting on every hit makes its first key the least recently used one.
 */
export class ByteLruCache<V extends Sized> {
  private readonly entries = new Map<string, V>();
  private totalBytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value`, evicting old entries; a value larger than the whole budget is not stored. */
  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes.length > this.maxBytes || this.maxEntries === 0) return;
    this.entries.set(key, value);
    this.totalBytes += value.bytes.length;
    while (this.totalBytes > this.maxBytes || this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.totalBytes -= value.bytes.length;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}
