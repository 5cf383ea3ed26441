/**
 * Three toy stages built only with the service kit, for chain tests: `add` (x + 1), `times`
 * (x × 2, failing rows whose value is listed in config `fail`) and `format` (numbers as text).
 */
import { DType, float32Tensor, stringTensor, type NumericTensor } from '@tensorhop/protocol';
import {
  createService,
  loadConfig,
  serviceSchema,
  type Listening,
  type Service,
  type StageDefinition,
  type StageResult,
} from '@tensorhop/kit';

const io = (name: string, type: DType) => ({ name, shape: [-1], type });

function mapRows(
  ctx: { input(n: string): unknown; keys: readonly string[]; config: Readonly<Record<string, unknown>> },
  fn: (x: number) => number,
): StageResult {
  const x = ctx.input('x') as NumericTensor;
  const fail = Array.isArray(ctx.config.fail) ? (ctx.config.fail as number[]) : [];
  const keys: string[] = [];
  const values: number[] = [];
  const errors: StageResult['errors'] = [];
  ctx.keys.forEach((key, i) => {
    const v = Number(x.data[i]);
    if (fail.includes(v)) errors.push({ key, code: 'BAD_REQUEST', message: `refusing ${v}` });
    else {
      keys.push(key);
      values.push(fn(v));
    }
  });
  return { outputs: { x: float32Tensor([values.length], Float32Array.from(values)) }, keys, errors };
}

export const addStage: StageDefinition = {
  name: 'add',
  inputs: [io('x', DType.FLOAT32)],
  outputs: [io('x', DType.FLOAT32)],
  apply: async (ctx) => mapRows(ctx, (v) => v + 1),
};

export const timesStage: StageDefinition = {
  name: 'times',
  inputs: [io('x', DType.FLOAT32)],
  outputs: [io('x', DType.FLOAT32)],
  apply: async (ctx) => mapRows(ctx, (v) => v * 2),
};

export const formatStage: StageDefinition = {
  name: 'format',
  inputs: [io('x', DType.FLOAT32)],
  outputs: [io('text', DType.STRING)],
  apply: async (ctx) => {
    const x = ctx.input('x') as NumericTensor;
    const text = Array.from(x.data as Float32Array, (v) => `value=${v}`);
    return { outputs: { text: stringTensor(text) }, keys: [...ctx.keys], errors: [] };
  },
};

export interface Running {
  service: Service;
  listening: Listening;
  url: string;
}

/** Starts a stage on 127.0.0.1:0 with the given hop table and default successor. */
export async function startStage(
  stage: StageDefinition,
  env: Record<string, string> = {},
  explicit: Record<string, unknown> = {},
): Promise<Running> {
  const config = loadConfig(serviceSchema(stage.name, 0), {
    prefix: `TENSORHOP_${stage.name.toUpperCase()}_`,
    env: { ...env },
    explicit: { port: 0, host: '127.0.0.1', logLevel: 'silent', ...explicit },
  });
  const service = createService({ stage, config });
  const listening = await service.listen();
  return { service, listening, url: listening.url };
}
