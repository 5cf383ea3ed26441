/**
 * What a service's `main.ts` calls: build the service from validated config, listen, and drain on
 * SIGTERM/SIGINT. A bad config value stops the process with one line naming the variable.
 */
import { ConfigError } from './config.js';
import type { Listening, Service } from './service.js';

export async function runService(build: () => Service | Promise<Service>): Promise<Listening> {
  let service: Service;
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
