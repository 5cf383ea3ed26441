import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

test('the committed generated code matches proto/tensorhop.proto', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tensorhop-gen-'));
  try {
    execFileSync(process.execPath, ['shared/protocol/scripts/gen.mjs', dir], { stdio: 'pipe' });
    for (const file of ['tensorhop.js', 'tensorhop.d.ts']) {
      assert.equal(
        readFileSync(join(dir, file), 'utf8'),
        readFileSync(join('shared/protocol/gen', file), 'utf8'),
        `shared/protocol/gen/${file} is out of date: run npm run gen -w shared/protocol`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
