/** `tensorhop up`: start the local stack, print how to call it, stop everything on Ctrl-C. */
import { planStack, startStack } from './stack.js';

const EXAMPLE_URL = 'https://example.com/digit.png';

export function curlExample(entry: string, viaGateway: boolean): string {
  const url = viaGateway ? `${entry}/v1/downloader` : entry;
  const body = {
    infer: {
      inputTensors: [
        { type: 'STRING', shape: ['1'], stringVal: [Buffer.from(EXAMPLE_URL).toString('base64')] },
      ],
      keys: ['digit'],
      route: { next: [{ target: 'preprocessor' }, { target: 'model' }], mode: 'EXACT' },
    },
  };
  return `curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
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
    `In words: send the URL ${EXAMPLE_URL} to the downloader with route next=[preprocessor, model] (hybrid ` +
      'sequencing); the downloader fetches it, the preprocessor turns it into a 28×28 tensor, the model ' +
      'returns the top classes and scores for key "digit". Press Ctrl-C to stop.',
  );
}
