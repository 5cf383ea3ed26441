/**
 * Runs a task now and then again `intervalMs` after each run ends (never two at once), until
 * stopped. The timer is unref'd so it never keeps the process alive by itself.
 */
export interface Periodic {
  /** Resolves after the first run. */
  start(): Promise<void>;
  stop(): void;
}

export function periodic(task: () => Promise<void>, intervalMs: number): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void task().finally(schedule), intervalMs);
    timer.unref();
  };
  return {
    async start() {
      await task();
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
