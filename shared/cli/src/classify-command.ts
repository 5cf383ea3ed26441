/** `tensorhop classify <url|file>...`: labels for a few images, as a table or JSON lines. */
import { readFile } from 'node:fs/promises';
import { classify } from '@tensorhop/sdk';
import { keepAliveAgents } from '@tensorhop/sdk/node';
import { CHAIN_OPTIONS, CommandError, UsageError, chainOptions, parseFlags } from './args.js';
import { checkGateway } from './gateway-check.js';
import { resultLine, resultTable } from './table.js';

/** A URL the downloader fetches: `scheme://…`, or a `data:` URL holding the image itself. */
const isUrl = (arg: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^data:/i.test(arg);

/** Each argument as its input: a URL as is, anything else read as an image file. */
async function readInputs(args: readonly string[]): Promise<Map<string, string | Uint8Array>> {
  const inputs = new Map<string, string | Uint8Array>();
  for (const arg of args) {
    if (isUrl(arg)) inputs.set(arg, arg);
    else {
      try {
        inputs.set(arg, await readFile(arg));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new CommandError(
          `cannot read ${arg} (${code}): give an image file, an http(s) URL or a data: URL`,
        );
      }
    }
  }
  return inputs;
}

export async function classifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags('classify', args, {
    ...CHAIN_OPTIONS,
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('classify: give at least one image URL or file');
  const options = chainOptions(values);
  const inputs = await readInputs(positionals);
  await checkGateway(options.gateway, options.protocol);
  const results = await classify(inputs, { ...options, agents: keepAliveAgents(8) });
  const keyed = [...results].map(([key, r]) => ({ key, ...r }));
  if (values.json) process.stdout.write(keyed.map(resultLine).join(''));
  else process.stdout.write(`${resultTable(keyed)}\n`);
  return 0;
}
