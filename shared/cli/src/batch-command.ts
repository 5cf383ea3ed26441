/**
 * `tensorhop batch`: every input through `pipe()`, one JSON line per key appended as it finishes.
 * A job killed at any moment and rerun with `--resume` ends with every key exactly once: keys
 * already written are skipped, a torn last line is dropped and redone. A row that failed only
 * because the chain was overloaded or unavailable (after retries) is not written, so a resume
 * retries it; losing the gateway itself stops the job at once.
 */
import { access, stat } from 'node:fs/promises';
import { keepAliveAgents } from '@tensorhop/sdk/node';
import { pipe, isRetryable, type ClassifyOptions, type KeyedResult, type PipeItem } from '@tensorhop/sdk';
import { CHAIN_OPTIONS, CommandError, UsageError, chainOptions, intFlag, parseFlags } from './args.js';
import { LineWriter, countInput, readInput, scanOutput } from './batch-files.js';
import { BatchTally } from './batch-tally.js';
import { checkGateway } from './gateway-check.js';
import { Progress } from './progress.js';
import { resultLine } from './table.js';

interface BatchJob {
  input: string;
  output: string;
  resume: boolean;
  options: ClassifyOptions & { gateway: string; concurrency: number; batchSize: number };
}

function parseJob(args: string[]): BatchJob {
  const { values, positionals } = parseFlags('batch', args, {
    ...CHAIN_OPTIONS,
    input: { type: 'string' },
    output: { type: 'string' },
    concurrency: { type: 'string' },
    'batch-size': { type: 'string' },
    resume: { type: 'boolean' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`batch: unexpected argument ${JSON.stringify(positionals[0])}`);
  }
  if (!values.input || !values.output) throw new UsageError('batch: --input and --output are required');
  const concurrency = intFlag('concurrency', values.concurrency, 32, 1024);
  const options = {
    ...chainOptions(values),
    concurrency,
    batchSize: intFlag('batch-size', values['batch-size'], 64, 4096),
    agents: keepAliveAgents(concurrency),
  };
  return { input: values.input, output: values.output, resume: values.resume === true, options };
}

async function checkFiles(job: BatchJob): Promise<void> {
  try {
    await access(job.input);
  } catch (error) {
    throw new CommandError(`cannot read --input ${job.input} (${(error as NodeJS.ErrnoException).code})`);
  }
  const size = await stat(job.output).then(
    (s) => s.size,
    () => 0,
  );
  if (size > 0 && !job.resume) {
    throw new CommandError(
      `--output ${job.output} already has results: add --resume to continue it, or remove it`,
    );
  }
}

/** Input items not yet in the output; repeated keys run once; bad lines are written as errors here. */
async function* pending(
  job: BatchJob,
  done: Set<string>,
  tally: BatchTally,
  write: (r: KeyedResult) => void,
): AsyncGenerator<PipeItem> {
  const seen = new Set<string>();
  for await (const item of readInput(job.input)) {
    if (done.has(item.key)) tally.skipped++;
    else if (seen.has(item.key)) tally.duplicates++;
    else {
      seen.add(item.key);
      if ('url' in item) yield { key: item.key, input: item.url };
      else write({ key: item.key, ok: false, code: 'BAD_REQUEST', message: item.invalid, stage: 'client' });
    }
  }
}

async function run(job: BatchJob, done: Set<string>, tally: BatchTally, signal: AbortSignal): Promise<void> {
  const writer = new LineWriter(job.output);
  const progress = new Progress(Math.max(0, (await countInput(job.input)) - done.size), tally);
  const write = (r: KeyedResult): void => {
    writer.write(resultLine(r));
    tally.written(r);
  };
  try {
    for await (const r of pipe(pending(job, done, tally, write), { ...job.options, signal })) {
      if (!r.ok && r.stage === 'client' && r.code === 'HOP_UNAVAILABLE') {
        throw new CommandError(
          `lost the gateway (${r.message}); ${tally.done} rows written, rerun with --resume`,
        );
      }
      // A passing failure of the chain is no answer about the input: leave it for a resume.
      if (r.ok || !isRetryable(r.code)) write(r);
      else tally.notWritten(r.code);
    }
  } finally {
    progress.stop();
    writer.close();
  }
}

export async function batchCommand(args: string[]): Promise<number> {
  const job = parseJob(args);
  await checkFiles(job);
  await checkGateway(job.options.gateway, job.options.protocol);
  const { keys: done, droppedBytes } = await scanOutput(job.output);
  if (droppedBytes > 0) {
    process.stderr.write(`batch: dropped a torn last line (${droppedBytes} bytes); redoing it\n`);
  }
  const tally = new BatchTally();
  const stop = new AbortController();
  const onSignal = (): void => stop.abort(new CommandError('interrupted; rerun with --resume to finish'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  try {
    await run(job, done, tally, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.stdout.write(tally.summary((Date.now() - started) / 1000));
  }
  return tally.unfinished > 0 ? 1 : 0;
}
