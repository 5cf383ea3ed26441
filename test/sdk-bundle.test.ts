/**
 * The SDK runs in browsers and React Native without Node built-ins: its browser entry
 * (`@tensorhop/sdk`) is bundled by esbuild with no Node polyfills, once for the browser
 * platform and once as React Native's bundler resolves packages, and the check fails on any import
 * of a Node built-in (`node:*`, `fs`, `http`, …) or of a server package. The same check run on the
 * service kit's entry must find those imports, so the check itself is known to work.
 */
import assert from 'node:assert/strict';
import { isBuiltin } from 'node:module';
import { describe, test } from 'node:test';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** Packages that only make sense on a server. */
const SERVER_PACKAGES = ['express', 'pino', 'prom-client', 'http-proxy-middleware', 'sharp', 'undici'];

const packageOf = (path: string): string =>
  path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : (path.split('/')[0] ?? '');

/** Bundles `entry` and lists every forbidden import as `what (from importer)`. */
async function forbiddenImports(entry: string, options: BuildOptions): Promise<string[]> {
  const found: string[] = [];
  const guard: Plugin = {
    name: 'no-node',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const bare = !args.path.startsWith('.') && !args.path.startsWith('/');
        if (bare && (isBuiltin(args.path) || SERVER_PACKAGES.includes(packageOf(args.path)))) {
          found.push(`${args.path} (from ${args.importer.replace(process.cwd(), '.')})`);
          // Marked external so that the bundle goes on and every such import is listed.
          return { path: args.path, external: true };
        }
        return undefined;
      });
    },
  };
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [guard],
    ...options,
  });
  assert.equal(result.outputFiles?.length, 1);
  return [...new Set(found)];
}

const BROWSER: BuildOptions = { platform: 'browser' };
// Metro (React Native) picks the "react-native" condition and field first, then "browser".
const REACT_NATIVE: BuildOptions = {
  platform: 'neutral',
  conditions: ['react-native', 'browser', 'import', 'default'],
  mainFields: ['react-native', 'browser', 'module', 'main'],
};

describe('SDK bundle without Node', () => {
  test('the browser bundle of @tensorhop/sdk imports no Node built-in or server package', async () => {
    assert.deepEqual(await forbiddenImports('@tensorhop/sdk', BROWSER), []);
  });

  test('nor does the bundle React Native would make', async () => {
    assert.deepEqual(await forbiddenImports('@tensorhop/sdk', REACT_NATIVE), []);
  });

  test('the check finds them in the service kit', async () => {
    const found = await forbiddenImports('@tensorhop/kit', BROWSER);
    for (const name of ['express', 'pino', 'prom-client', 'node:http']) {
      assert.ok(
        found.some((f) => f.startsWith(`${name} `) || f.startsWith(`${name}/`)),
        `${name} in ${found.join('; ')}`,
      );
    }
  });
});
