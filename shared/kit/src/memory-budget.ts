/**
 * A per-process budget of bytes that requests in progress may hold (mostly output tensors). Each
 * request reserves what it will allocate before it allocates it; a reservation that does not fit
 * is refused at once with OVERLOADED, so a burst of small requests asking for big outputs cannot
 * exhaust the process, and one that could never fit is PAYLOAD_TOO_LARGE.
 */
import { TensorhopError } from '@tensorhop/protocol';

export interface MemoryBudget {
  readonly limitBytes: number;
  readonly usedBytes: number;
  /** Takes `bytes` or throws; the returned function gives them back (once). */
  reserve(bytes: number, what: string): () => void;
}

export function createMemoryBudget(limitBytes: number): MemoryBudget {
  let used = 0;
  return {
    limitBytes,
    get usedBytes() {
      return used;
    },
    reserve(bytes, what) {
      if (bytes > limitBytes) {
        throw new TensorhopError(
          'PAYLOAD_TOO_LARGE',
          `${what} needs ${bytes} bytes, more than this service's budget of ${limitBytes}`,
        );
      }
      if (used + bytes > limitBytes) {
        throw new TensorhopError(
          'OVERLOADED',
          `${what} needs ${bytes} bytes and ${limitBytes - used} of ${limitBytes} are free`,
          { retryAfterSeconds: 1 },
        );
      }
      used += bytes;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used -= bytes;
      };
    },
  };
}
