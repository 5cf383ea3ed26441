/** `tensorhop up`: start the local stack, print how to call it, stop everything on Ctrl-C. */
import { oipCurlExample } from './oip-example.js';
import { planStack, startStack } from './stack.js';

/**
 * A hand-drawn "1" (28×28 PNG) as a data: URL, so the printed example works on any machine, even
 * one without internet access or with the SSRF guard closed to local addresses.
 */
export const EXAMPLE_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAYAAAByDd+UAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAPklEQVRIie3' +
  'SMQoAIAwEwf3/p2OtV6QJWrgDth6EpS7DwecnBbbn4MmTBqPpGE0wmo7RBKPpGM045r+szwcXIS5FVp+B4iMAAAAASUVORK5CYII=';

/** The JSON body of the printed example: classify EXAMPLE_URL in hybrid sequencing. */
export function exampleBody(): Record<string, unknown> {
  return {
    infer: {
      inputTensors: [
        { type: 'STRING', shape: ['1'], stringVal: [Buffer.from(EXAMPLE_URL).toString('base64')] },
      ],
      keys: ['one'],
      route: { next: [{ target: 'preprocessor' }, { target: 'model' }], mode: 'EXACT' },
    },
  };
}

export function curlExample(entry: string, viaGateway: boolean): string {
  const url = viaGateway ? `${entry}/v1/downloader` : entry;
  return `curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify(exampleBody())}'`;
}

export async function up(options: { gateway?: boolean } = {}): Promise<void> {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const plan = planStack(process.env, options);
  out(`tensorhop: starting ${plan.replicas.map((r) => r.name).join(', ')}${plan.gateway ? ', gateway' : ''}`);
  const stack = await startStack(plan, out);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    out('tensorhop: stopping');
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  out('');
  out(`tensorhop is up. Entry point: ${plan.entry}`);
  for (const r of plan.replicas) out(`  ${r.name.padEnd(16)} ${r.url}`);
  out('');
  out('Classify an image by URL (JSON mapping; the URL travels base64-encoded as a STRING tensor):');
  out(`  ${curlExample(plan.entry, plan.gateway !== undefined)}`);
  out('');
  out(
    'In words: send one URL (here a data: URL holding a drawn "1") to the downloader with route ' +
      'next=[preprocessor, model], mode EXACT (hybrid sequencing); the downloader fetches it, the ' +
      'preprocessor turns it into the 28×28 tensor the model asks for, and the model answers with ' +
      'the top classes and scores for key "one" (its first class is "1").',
  );
  out('');
  out('The same with the Open Inference Protocol (KServe v2; JSON a person can read):');
  out(`  ${oipCurlExample(plan.entry, EXAMPLE_URL)}`);
  out('');
  out('Or with the command line: npx tensorhop classify <url|file>...   Press Ctrl-C to stop.');
}
