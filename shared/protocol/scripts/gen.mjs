// Regenerates gen/tensorhop.{js,d.ts} from proto/tensorhop.proto. The output is committed and
// never edited by hand; test/gen.test.ts checks it is in sync with the schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = dirname(require.resolve('protobufjs-cli/package.json'));
const outDir = process.argv[2] ?? join(root, 'gen');
mkdirSync(outDir, { recursive: true });
const js = join(outDir, 'tensorhop.js');
execFileSync(
  process.execPath,
  [
    join(cli, 'bin', 'pbjs'),
    '-t',
    'static-module',
    '-w',
    'es6',
    '--es6',
    '--force-number',
    '--no-verify',
    '--no-typeurl',
    '--no-delimited',
    '--no-service',
    '-o',
    js,
    join(root, 'proto', 'tensorhop.proto'),
  ],
  { stdio: 'inherit' },
);
// Node's ESM loader needs the file extension on the runtime import.
writeFileSync(js, readFileSync(js, 'utf8').replace('"protobufjs/minimal"', '"protobufjs/minimal.js"'));
execFileSync(process.execPath, [join(cli, 'bin', 'pbts'), '-o', join(outDir, 'tensorhop.d.ts'), js], {
  stdio: 'inherit',
});
