/**
 * What `main.ts` calls: build the gateway from validated config, listen, and drain on SIGTERM or
 * SIGINT. A bad config value stops the process with one line naming the variable (exit code 2).
 */
import { ConfigError } from '@tensorhop/kit';
import type { Gateway, Listening } from './server.js';

export async function runGateway(build: () => Gateway): Promise<Listening> {
  let gateway: Gateway;
  try {
    gateway = build();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`tensorhop: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const listening = await gateway.listen();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    gateway.log.info({ signal }, 'draining');
    gateway
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        gateway.log.error({ err: error }, 'drain failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return listening;
}
