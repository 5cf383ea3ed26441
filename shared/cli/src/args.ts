/** Flag parsing shared by the commands: one clear line for a bad flag, typed values. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_GATEWAY, type Mode } from '@tensorhop/sdk';
import { protocolFlag } from './oip-commands.js';

/** A mistake in the command line: reported in one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure to do the job (gateway down, unreadable input): one line, exit status 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command that calls the chain takes. */
export const CHAIN_OPTIONS = {
  gateway: { type: 'string' },
  mode: { type: 'string' },
  model: { type: 'string' },
  'top-k': { type: 'string' },
  protocol: { type: 'string' },
} as const satisfies Options;

/** Parses `args` strictly; an unknown or malformed flag becomes a UsageError. */
export function parseFlags<O extends Options>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message goes on to explain `--`; its first sentence is the useful part.
    const first = ((error as Error).message.split(/\.\s/)[0] ?? '').replace(/\.$/, '');
    throw new UsageError(`${command}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`);
  }
}

export function intFlag(name: string, raw: string | undefined, fallback: number, max = 100_000): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

export function modeFlag(raw: string | undefined): Mode {
  const mode = raw ?? 'hybrid';
  if (mode !== 'client' && mode !== 'server' && mode !== 'hybrid') {
    throw new UsageError(`--mode must be client, server or hybrid, got ${JSON.stringify(raw)}`);
  }
  return mode;
}

/** `--gateway`, else TENSORHOP_GATEWAY_URL, else the local stack's. */
export function gatewayFlag(raw: string | undefined): string {
  const url = raw ?? process.env.TENSORHOP_GATEWAY_URL ?? DEFAULT_GATEWAY;
  if (!/^https?:\/\/[^/]/i.test(url)) {
    throw new UsageError(`--gateway must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  return url.replace(/\/+$/, '');
}

/** The SDK options the chain flags give. */
export function chainOptions(values: {
  gateway?: string;
  mode?: string;
  model?: string;
  'top-k'?: string;
  protocol?: string;
}) {
  return {
    protocol: protocolFlag(values.protocol),
    gateway: gatewayFlag(values.gateway),
    mode: modeFlag(values.mode),
    topK: intFlag('top-k', values['top-k'], 5, 1000),
    ...(values.model === undefined ? {} : { model: values.model }),
  };
}
