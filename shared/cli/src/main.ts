#!/usr/bin/env node
/** The `tensorhop` command. */
import { batchCommand } from './batch-command.js';
import { classifyCommand } from './classify-command.js';
import { CommandError, UsageError, parseFlags } from './args.js';
import { healthCommand, metadataCommand } from './inspect-commands.js';
import { STAGES, serviceEntry } from './stack.js';
import { up } from './up.js';
import { verifyCommand } from './verify-command.js';

const USAGE = `usage: tensorhop <command> [options]

commands:
  up                              start the local stack (what npm start runs)
  serve <service>                 run one service in the foreground: ${[...STAGES, 'gateway'].join(', ')}
  classify <url|data:|file>...    labels of a few images, as a table (--json: one JSON line per key)
  batch --input F --output F      classify every line of F (URLs, or JSON lines {"key","url"}) into
                                  JSON lines; --resume continues a killed job
  metadata <stage>                describe ${STAGES.join(', ')} (--json: the raw metadata)
  health                          is the gateway ready, and how many replicas each pool has
  verify [gateway-url]            check a deployed chain against the contract (--json for CI,
                                  --api-key K, --load-seconds S, --concurrency N); exit 1 on failure

options:
  --gateway URL                   the gateway (default: $TENSORHOP_GATEWAY_URL or http://127.0.0.1:8080)
  --mode client|server|hybrid     (classify, batch) who carries the bytes (default hybrid)
  --model NAME                    (classify, batch) the model (default: the service's default model)
  --top-k K                       (classify, batch) classes per image (default 5)
  --protocol tensorhop|oip        (classify, batch, metadata, health) speak the Open Inference
                                  Protocol (/v2) instead: metadata <model> and health work with
                                  any OIP server; classify and batch in modes hybrid and server
  --concurrency N                 (batch) requests in flight (default 32)
  --batch-size N                  (batch) rows per request (default 64)
  --resume                        (batch) skip keys already in --output
  --no-gateway                    (up) start the stages without the gateway in front
  -h, --help                      show this help
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  switch (command) {
    case 'up': {
      const { values } = parseFlags('up', rest, { 'no-gateway': { type: 'boolean' } });
      await up({ gateway: !values['no-gateway'] });
      return -1;
    }
    case 'serve': {
      const name = rest[0] ?? '';
      if (![...STAGES, 'gateway'].includes(name) || rest.length > 1) {
        throw new UsageError(`serve: unknown service ${JSON.stringify(name)}`);
      }
      await import(serviceEntry(name));
      return -1;
    }
    case 'classify':
      return classifyCommand(rest);
    case 'batch':
      return batchCommand(rest);
    case 'metadata':
      return metadataCommand(rest);
    case 'health':
      return healthCommand(rest);
    case 'verify':
      return verifyCommand(rest);
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof CommandError;
    const hint = error instanceof UsageError ? ' (tensorhop --help for usage)' : '';
    process.stderr.write(`tensorhop: ${(error as Error).message}${hint}\n`);
    if (!known && process.env.TENSORHOP_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
