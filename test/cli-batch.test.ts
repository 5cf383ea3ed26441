/**
 * The `tensorhop` command against the real local stack: a batch of 3000 URLs (100 distinct digit
 * images, 5% broken) killed with SIGKILL twice, a torn line added as a kill mid-write would leave,
 * and resumed, ends with every key exactly once; classify prints a table or JSON lines; a bad flag,
 * a gateway that is down and an unreadable input each give one clear line and a non-zero exit.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDigitOrigin, type DigitOrigin } from './helpers/digit-origin.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

const CLI = 'shared/cli/bin/tensorhop.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const run = (args: string[], env: Record<string, string> = {}): Promise<Run> => start(args, env).done;

const lineCount = (path: string): number => {
  try {
    return readFileSync(path, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
};

/** Starts a batch and SIGKILLs it once the output has at least `lines` lines. */
async function killAt(args: string[], output: string, lines: number): Promise<number> {
  const { child, done } = start(args);
  while (lineCount(output) < lines && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  const result = await done;
  assert.equal(
    result.signal,
    'SIGKILL',
    `the batch ended before it was killed: ${result.stdout}${result.stderr}`,
  );
  return lineCount(output);
}

describe('tensorhop CLI against the local stack', { timeout: 120_000 }, () => {
  let origin: DigitOrigin;
  let stack: StackProcess;
  let gw: string;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tensorhop-cli-'));
    origin = await startDigitOrigin(100);
    stack = await startStackProcess(19080, {
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
      TENSORHOP_DOWNLOADER_RETRIES: '0',
    });
    gw = `--gateway=${stack.urls.gateway}`;
  });

  after(async () => {
    const code = await stack?.stop();
    await origin?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0);
  });

  test('a batch killed twice with SIGKILL and resumed ends with every key exactly once', async () => {
    const input = join(dir, 'urls.txt');
    const output = join(dir, 'results.jsonl');
    const truth = new Map<string, string>();
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const digit = origin.digits[i % 100]!;
      const url = i % 20 === 7 ? `${origin.base}/missing.png?n=${i}` : `${origin.base}${digit.path}?n=${i}`;
      truth.set(url, i % 20 === 7 ? 'DOWNLOAD_HTTP_STATUS' : digit.label);
      lines.push(url);
    }
    writeFileSync(input, `# digits\n${lines.join('\n')}\n\n`);
    const args = [
      'batch',
      gw,
      '--input',
      input,
      '--output',
      output,
      '--concurrency',
      '8',
      '--batch-size',
      '32',
    ];
    const first = await killAt(args, output, 500);
    const second = await killAt([...args, '--resume'], output, first + 800);
    // What a kill in the middle of a write would leave: half a line, no newline.
    appendFileSync(output, `{"key":"${lines[5]}","ok":tr`);
    const last = await run([...args, '--resume']);
    assert.equal(last.code, 0, last.stderr);
    assert.match(last.stderr, /dropped a torn last line/);
    assert.match(
      last.stdout,
      /ok \d+; failed \d+ \(DOWNLOAD_HTTP_STATUS \d+\); skipped \d+ already in the output/,
    );

    const results = readFileSync(output, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const seen = new Map<string, number>();
    for (const r of results) seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
    assert.equal(seen.size, 3000, `after kills at ${first} and ${second} lines`);
    assert.deepEqual(
      [...seen.values()].filter((n) => n !== 1),
      [],
    );
    const labels = new Map<string, Set<string>>();
    for (const r of results) {
      const want = truth.get(r.key);
      if (want === 'DOWNLOAD_HTTP_STATUS')
        assert.deepEqual([r.ok, r.code, r.stage], [false, want, 'downloader']);
      else {
        assert.ok(r.ok && r.classes.length === 5 && r.scores.length === 5, JSON.stringify(r));
        const image = new URL(r.key).pathname;
        labels.set(image, (labels.get(image) ?? new Set()).add(r.classes[0]));
      }
    }
    // Every copy of an image gets one label, whichever run and chunk it fell in.
    assert.deepEqual(
      [...labels.values()].filter((s) => s.size !== 1),
      [],
    );
    const right = origin.digits.filter((d) => labels.get(d.path)?.has(d.label)).length;
    assert.ok(right >= 90, `accuracy ${right}/100 distinct digits`);

    const again = await run([...args, '--resume']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /batch: 0 rows .* skipped 3000 already in the output/);
    const refused = await run(args);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^tensorhop: --output .* already has results: add --resume/);
  });

  test('classify prints a table, or JSON lines with --json', async () => {
    const [a, b] = origin.digits;
    const urls = [`${origin.base}${a!.path}`, `${origin.base}/missing.png`];
    const file = join(dir, 'digit.png');
    writeFileSync(file, b!.body);
    const table = await run(['classify', gw, '--top-k', '3', ...urls, file]);
    assert.equal(table.code, 0, table.stderr);
    const rows = table.stdout.trimEnd().split('\n');
    assert.match(rows[0]!, /^KEY\s+LABEL\s+SCORE\s+NEXT$/);
    assert.match(
      rows[1]!,
      new RegExp(`^${urls[0]}\\s+${a!.label}\\s+[01]\\.\\d{4}\\s+\\d 0\\.\\d{4}, \\d 0\\.\\d{4}$`),
    );
    assert.match(rows[2]!, /missing\.png\s+DOWNLOAD_HTTP_STATUS\s+.*\(downloader\)$/);
    assert.match(rows[3]!, new RegExp(`^${file}\\s+${b!.label}\\s`));

    const json = await run(['classify', gw, '--json', '--mode', 'client', ...urls]);
    assert.equal(json.code, 0, json.stderr);
    const lines = json.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => [l.key, l.ok]),
      [
        [urls[0], true],
        [urls[1], false],
      ],
    );
    assert.equal(lines[0].classes[0], a!.label);
    assert.equal(lines[1].code, 'DOWNLOAD_HTTP_STATUS');

    // A data: URL is a URL too: the downloader reads the image from it, no file is looked for.
    const dataUrl = `data:image/png;base64,${Buffer.from(b!.body).toString('base64')}`;
    const inline = await run(['classify', gw, '--json', dataUrl]);
    assert.equal(inline.code, 0, inline.stderr);
    const [only] = inline.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual([only.ok, only.classes[0]], [true, b!.label]);
  });

  test('metadata and health describe the chain', async () => {
    const meta = await run(['metadata', 'model', gw]);
    assert.equal(meta.code, 0, meta.stderr);
    assert.match(meta.stdout, /^name\s+model$/m);
    assert.match(meta.stdout, /^input image\s+FLOAT32\s+\[-1, 28, 28, 1\]/m);
    const health = await run(['health', gw]);
    assert.equal(health.code, 0, health.stderr);
    assert.match(health.stdout, /: ready\n/);
    assert.match(health.stdout, /^model\s+1\s+1$/m);
  });

  test('a bad flag, a gateway that is down, an unreadable input: one line and a non-zero exit', async () => {
    const bad = await run(['classify', '--colour', 'x.png']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, "tensorhop: classify: unknown option '--colour' (tensorhop --help for usage)\n");
    const badValue = await run(['batch', '--input', 'a', '--output', 'b', '--concurrency', 'many']);
    assert.equal(badValue.code, 2);
    assert.match(badValue.stderr, /^tensorhop: --concurrency must be an integer from 1 to 1024, got "many"/);

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = await run(['classify', 'http://example.com/x.png'], {
      TENSORHOP_GATEWAY_URL: `http://127.0.0.1:${port}`,
    });
    assert.equal(down.code, 1);
    assert.equal(
      down.stderr,
      `tensorhop: cannot reach the gateway at http://127.0.0.1:${port} (ECONNREFUSED); is the stack up? (npm start)\n`,
    );
    assert.equal(down.stdout, '');

    const missing = await run(['classify', gw, join(dir, 'nope.png')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^tensorhop: cannot read .*nope\.png \(ENOENT\)[^\n]*\n$/);
    const noInput = await run([
      'batch',
      gw,
      '--input',
      join(dir, 'nope.txt'),
      '--output',
      join(dir, 'o.jsonl'),
    ]);
    assert.equal(noInput.code, 1);
    assert.match(noInput.stderr, /^tensorhop: cannot read --input .*nope\.txt \(ENOENT\)\n$/);
    assert.equal(statSync(join(dir, 'o.jsonl'), { throwIfNoEntry: false }), undefined);
  });
});
