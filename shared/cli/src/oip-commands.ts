/**
 * `--protocol oip` for `metadata` and `health`: the same commands against any Open Inference
 * Protocol server (Triton, KServe, MLServer, tensorhop's gateway), from its `/v2` paths.
 */
import { oipMetadata, oipServer, type Protocol } from '@tensorhop/sdk';
import { CommandError, UsageError } from './args.js';
import { formatTable } from './table.js';

/** `--protocol`: `tensorhop` (default) or `oip`. */
export function protocolFlag(raw: string | undefined): Protocol {
  const protocol = raw ?? 'tensorhop';
  if (protocol !== 'tensorhop' && protocol !== 'oip') {
    throw new UsageError(`--protocol must be tensorhop or oip, got ${JSON.stringify(raw)}`);
  }
  return protocol;
}

/** `tensorhop metadata <model> --protocol oip`: any model name the server serves. */
export async function oipMetadataCommand(server: string, model: string, json: boolean): Promise<number> {
  const m = await oipMetadata(server, model, { timeoutMs: 10_000 }).catch((error: unknown) => {
    throw new CommandError(`metadata of ${model}: ${(error as Error).message}`);
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
    return 0;
  }
  const fields = [
    ['name', m.name],
    ['versions', (m.versions ?? []).join(', ') || '(none)'],
    ['platform', m.platform],
  ];
  const rows = [
    ['TENSOR', 'DATATYPE', 'SHAPE'],
    ...(m.inputs ?? []).map((x) => [`input ${x.name}`, x.datatype, `[${x.shape.join(', ')}]`]),
    ...(m.outputs ?? []).map((x) => [`output ${x.name}`, x.datatype, `[${x.shape.join(', ')}]`]),
  ];
  process.stdout.write(`${formatTable(fields)}\n\n${formatTable(rows)}\n`);
  return 0;
}

/** `tensorhop health --protocol oip`: server metadata, live and ready; exit 0 when ready. */
export async function oipHealthCommand(server: string): Promise<number> {
  const state = await oipServer(server, { timeoutMs: 5000 }).catch((error: unknown) => {
    throw new CommandError(`cannot reach ${server} (${(error as Error).message})`);
  });
  const m = state.metadata;
  process.stdout.write(
    `${server}: ${state.ready ? 'ready' : state.live ? 'live, not ready' : 'not live'} ` +
      `(${m.name ?? '?'} ${m.version ?? '?'}; extensions: ${(m.extensions ?? []).join(', ') || 'none'})\n`,
  );
  return state.ready ? 0 : 1;
}
