/**
 * A deadline as an AbortSignal that also follows a parent signal. `dispose()` always clears the timer
 * and the listener, so a finished call leaves nothing behind.
 */
export interface Deadline {
  signal: AbortSignal;
  /** True when the deadline itself fired (not the parent). */
  readonly timedOut: boolean;
  dispose(): void;
}

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
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
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
