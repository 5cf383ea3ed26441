/**
 * Installs ONNX Runtime's CUDA 12 provider libraries on a GPU machine. `npm ci` never runs
 * onnxruntime-node's install script (package.json's allowScripts and .npmrc skip it, so installs
 * need no network); this runs that same script on purpose, with its documented switch
 * ONNXRUNTIME_NODE_INSTALL=cuda12. It downloads Microsoft.ML.OnnxRuntime.Gpu.Linux from NuGet.
 *
 *   npm run onnx:cuda -w services/model
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
const script = path.join(path.dirname(entry), '..', 'script', 'install.js');
const result = spawnSync(process.execPath, [script], {
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12' },
});
process.exit(result.status ?? 1);
