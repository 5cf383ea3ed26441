import type { Semaphore } from '@tensorhop/kit';

/**
 * Runs `task(index)` for every row index through the shared `gate`. A call keeps at most
 * `gate.limit` rows in the gate's queue, taken in order, so a small request interleaves with a
 * large one instead of waiting behind all of its rows (and a signal gets few abort listeners).
 *
 * Every task settles before this returns or rejects, so no task is still running on behalf of a
 * failed call. `onRowDone` is called exactly once per index (also for rows skipped after an abort
 * or a failure), which keeps the caller's queue accounting exact.
 */
export async function runRows<T>(
  count: number,
  gate: Semaphore,
  task: (index: number) => Promise<T>,
  onRowDone: () => void,
  signal?: AbortSignal,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < count) {
      const index = next++;
      try {
        results[index] = await gate.run(() => task(index), signal);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        onRowDone();
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(count, gate.limit) }, worker));
  for (let skipped = next; skipped < count; skipped++) onRowDone();
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}
