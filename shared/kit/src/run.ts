/**
 * What a service's `main.ts` calls: build the service from validated config, listen, and drain on
 * SIGTERM/SIGINT. A bad config value stops the process with one line naming the variable.
 */
import type { Logger } from 'pino';
import { ConfigError } from './config.js';

/** What runService needs of a server: a stage's Service, or the gateway. */
export interface Runnable<L> {
  log: Logger;
  listen(): Promise<L>;
  close(): Promise<void>;
}

export async function runService<L>(build: () => Runnable<L> | Promise<Runnable<L>>): Promise<L> {
  let service: Runnable<L>;
  try {
    service = await build();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`tensorhop: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const listening = await service.listen();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    service.log.info({ signal }, 'draining');
    service
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        service.log.error({ err: error }, 'drain failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return listening;
}
