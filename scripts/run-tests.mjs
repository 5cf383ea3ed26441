// Runs every test file of the workspace with node's test runner (TypeScript through tsx).
// Node 20's --test does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = [
  'shared/protocol/test',
  'shared/kit/test',
  'services/downloader/test',
  'services/preprocessor/test',
  'services/model/test',
  'services/gateway/test',
  'compose/test',
  'test',
];
const only = process.argv.slice(2);
const files = roots
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  )
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { TENSORHOP_LOG_LEVEL: 'silent', ...process.env },
});
process.exit(result.status ?? 1);
