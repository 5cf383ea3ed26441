/**
 * The one deadline type: an AbortSignal that fires when `ms` pass or a parent signal aborts.
 * `dispose()` always clears the timer and the listener, so a finished call leaves nothing behind.
 */
export interface Deadline {
  /** Aborts when the deadline passes or the parent aborts. */
  readonly signal: AbortSignal;
  /** True when the deadline itself fired (not the parent). */
  readonly timedOut: boolean;
  /** Milliseconds left (0 once passed). */
  remaining(): number;
  dispose(): void;
}

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const expiresAt = Date.now() + ms;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`deadline of ${ms} ms exceeded`));
  }, ms);
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    remaining: () => Math.max(0, expiresAt - Date.now()),
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; clears its timer. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
