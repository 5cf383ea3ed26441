/** `tensorhop metadata <stage>` and `tensorhop health`: what the chain behind the gateway is. */
import { dtypeName, metadataToJson, type IOMetadata } from '@tensorhop/protocol';
import { metadata, STAGES, isStage } from '@tensorhop/sdk';
import { CommandError, UsageError, gatewayFlag, parseFlags } from './args.js';
import { checkGateway, getGateway } from './gateway-check.js';
import { formatTable } from './table.js';
import { oipHealthCommand, oipMetadataCommand, protocolFlag } from './oip-commands.js';

const io = (kind: string, x: IOMetadata): string[] => [
  `${kind} ${x.name}`,
  dtypeName(x.type),
  `[${x.shape.join(', ')}]`,
  x.description ?? '',
];

export async function metadataCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags('metadata', args, {
    gateway: { type: 'string' },
    json: { type: 'boolean' },
    protocol: { type: 'string' },
  });
  const stage = positionals[0] ?? '';
  if (protocolFlag(values.protocol) === 'oip' && positionals.length === 1) {
    return oipMetadataCommand(gatewayFlag(values.gateway), stage, values.json === true);
  }
  if (!isStage(stage) || positionals.length > 1) {
    throw new UsageError(`metadata: give one stage: ${STAGES.join(', ')}`);
  }
  const gateway = gatewayFlag(values.gateway);
  await checkGateway(gateway);
  const m = await metadata(stage, { gateway, timeoutMs: 10_000 }).catch((error: unknown) => {
    throw new CommandError(`metadata of ${stage}: ${(error as Error).message}`);
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(metadataToJson(m), null, 2)}\n`);
    return 0;
  }
  const fields = [
    ['name', m.name],
    ['version', m.version],
    ['server', m.server],
    ['description', m.description],
    ['default next', m.defaultNext || '(none)'],
    ...(m.preprocess ? [['preprocess', m.preprocess]] : []),
  ];
  const rows = [
    ['TENSOR', 'TYPE', 'SHAPE', 'DESCRIPTION'],
    ...m.inputs.map((x) => io('input', x)),
    ...m.outputs.map((x) => io('output', x)),
  ];
  process.stdout.write(`${formatTable(fields)}\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
  return 0;
}

interface Readiness {
  ready?: boolean;
  reason?: string;
  pools?: Record<string, { ready: number; replicas: number }>;
}

export async function healthCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags('health', args, {
    gateway: { type: 'string' },
    protocol: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`health: unexpected argument ${JSON.stringify(positionals[0])}`);
  const gateway = gatewayFlag(values.gateway);
  if (protocolFlag(values.protocol) === 'oip') return oipHealthCommand(gateway);
  const { status, body } = await getGateway(gateway, '/readyz');
  const state = (typeof body === 'object' && body !== null ? body : {}) as Readiness;
  const rows = [['POOL', 'READY', 'REPLICAS']];
  for (const [name, pool] of Object.entries(state.pools ?? {})) {
    rows.push([name, String(pool.ready), String(pool.replicas)]);
  }
  const ready = status === 200 && state.ready !== false;
  process.stdout.write(
    `gateway ${gateway}: ${ready ? 'ready' : `not ready (${state.reason ?? `HTTP ${status}`})`}\n`,
  );
  if (rows.length > 1) process.stdout.write(`${formatTable(rows)}\n`);
  return ready ? 0 : 1;
}
