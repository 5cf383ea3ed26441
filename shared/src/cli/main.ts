#!/usr/bin/env node
/** The `tensorhop` command. */
import { parseArgs } from 'node:util';
import { STAGES, serviceEntry } from './stack.js';
import { up } from './up.js';

const USAGE = `usage: tensorhop <command> [options]

commands:
  up                      start the local stack (what npm start runs)
  serve <service>         run one service in the foreground: ${[...STAGES, 'gateway'].join(', ')}

options:
  --no-gateway            (up) start the stages without the gateway in front
  -h, --help              show this help
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, 'no-gateway': { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'up':
      await up({ gateway: !values['no-gateway'] });
      return -1;
    case 'serve': {
      const name = rest[0] ?? '';
      if (![...STAGES, 'gateway'].includes(name)) throw new UsageError(`serve: unknown service ${JSON.stringify(name)}`);
      await import(serviceEntry(name));
      return -1;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`tensorhop: ${(error as Error).message}\n`);
    if (error instanceof UsageError) process.stderr.write(USAGE);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
