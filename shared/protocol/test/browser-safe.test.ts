/**
 * @tensorhop/protocol and @tensorhop/sdk are for browsers and React Native too: walking every module
 * their entry points reach, nothing imports a Node built-in or a server package, and the
 * packages declare no such dependency.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../../..');
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every bare specifier the modules reachable from `entry` import (relative ones are followed). */
function bareImports(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const bare = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = (m[1] ?? m[2] ?? m[3]) as string;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else if (!bare.has(spec)) bare.set(spec, file);
    }
  };
  visit(entry);
  return bare;
}

const cases = [
  { pkg: 'protocol', allowed: ['protobufjs/minimal.js', 'protobufjs/minimal'] },
  { pkg: 'sdk', allowed: ['@tensorhop/protocol', 'axios'] },
];

for (const { pkg, allowed } of cases) {
  test(`@tensorhop/${pkg} reaches no Node built-in and no server package`, () => {
    const bare = bareImports(join(root, 'shared', pkg, 'dist', 'index.js'));
    assert.ok(bare.size > 0 || pkg === 'protocol', 'the walk found the imports');
    for (const [spec, file] of bare) {
      assert.ok(!NODE.has(spec) && !NODE.has(spec.split('/')[0] as string), `${file} imports ${spec}`);
      assert.ok(allowed.includes(spec), `${file} imports ${spec}, which a browser build would not have`);
    }
    const manifest = JSON.parse(readFileSync(join(root, 'shared', pkg, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const deps = Object.keys(manifest.dependencies ?? {});
    assert.deepEqual(
      deps.filter((d) => !allowed.some((a) => a === d || a.startsWith(`${d}/`))),
      [],
      `${pkg} declares only browser-safe dependencies`,
    );
  });
}

test('the walk does see Node imports where they exist (the kit imports node:http)', () => {
  const bare = bareImports(join(root, 'shared', 'kit', 'dist', 'index.js'));
  assert.ok(bare.has('node:http') && bare.has('express'));
  // The SDK's Node-only entry is separate from its browser entry.
  const require = createRequire(import.meta.url);
  assert.match(require.resolve('@tensorhop/sdk/node'), /sdk[/\\]dist[/\\]node\.js$/);
});
