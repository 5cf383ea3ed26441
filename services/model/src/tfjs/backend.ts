import { createRequire } from 'node:module';
import path from 'node:path';

/** The TensorFlow.js namespace; tfjs-node brings its own, so callers use the one returned here. */
export type Tf = typeof import('@tensorflow/tfjs');

/** What `TENSORHOP_MODEL_BACKEND` asks for. */
export type BackendRequest = 'auto' | 'tensorflow' | 'wasm' | 'cpu';
/** Backends that can actually run. */
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/** The backend that runs, and why each one tried before it did not. */
export interface BackendInfo {
  name: BackendName;
  /** e.g. 'simd' for wasm, '' when there is nothing to add. */
  detail: string;
  skipped: { name: BackendName; reason: string }[];
}

export const BACKEND_REQUESTS: readonly BackendRequest[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

const CANDIDATES: Record<BackendRequest | BackendName, BackendName[]> = {
  auto: ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'],
  tensorflow: ['tensorflow-gpu', 'tensorflow'],
  'tensorflow-gpu': ['tensorflow-gpu'],
  wasm: ['wasm'],
  cpu: ['cpu'],
};

/**
 * Picks the first backend of `request` that loads in this thread and makes it tfjs's active
 * backend; a {@link BackendName} asks for exactly that one. Call it once per thread (each worker
 * has its own tfjs engine).
 * @throws when none loads; the message lists every reason.
 */
export async function initBackend(
  request: BackendRequest | BackendName,
): Promise<{ tf: Tf; info: BackendInfo }> {
  const skipped: BackendInfo['skipped'] = [];
  for (const name of CANDIDATES[request]) {
    try {
      const { tf, detail } = await LOADERS[name]();
      tf.enableProdMode();
      return { tf, info: { name, detail, skipped } };
    } catch (error) {
      skipped.push({ name, reason: firstLine(error) });
    }
  }
  const reasons = skipped.map((s) => `${s.name}: ${s.reason}`).join('; ');
  throw new Error(`no TensorFlow.js backend for '${request}' loads (${reasons})`);
}

type Loader = () => Promise<{ tf: Tf; detail: string }>;

const LOADERS: Record<BackendName, Loader> = {
  'tensorflow-gpu': () => loadNative('@tensorflow/tfjs-node-gpu'),
  tensorflow: () => loadNative('@tensorflow/tfjs-node'),
  wasm: loadWasm,
  cpu: async () => {
    const tf = await import('@tensorflow/tfjs');
    await activate(tf, 'cpu');
    return { tf, detail: '' };
  },
};

/** The native packages are optional dependencies: a failed import is the usual "not installed". */
async function loadNative(specifier: string): Promise<{ tf: Tf; detail: string }> {
  const tf = (await import(specifier)) as Tf;
  await activate(tf, 'tensorflow');
  return { tf, detail: specifier };
}

async function loadWasm(): Promise<{ tf: Tf; detail: string }> {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // The .wasm files ship in the package's dist/ next to its Node entry point; no network fetch.
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(entry) + path.sep);
  // The threaded build spawns its pthreads from blob: URLs, which Node's worker_threads reject
  // (ERR_WORKER_PATH); we scale with one single-threaded instance per worker instead.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await activate(tf, 'wasm');
  return { tf, detail: tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'simd' : 'no-simd' };
}

async function activate(tf: Tf, name: string): Promise<void> {
  // setBackend reports a failed initialisation by resolving false, not by throwing.
  if (!(await tf.setBackend(name))) throw new Error(`backend '${name}' failed to initialise`);
  await tf.ready();
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Drop the importing file's path: it says nothing about the backend and leaks the layout.
  return (message.split('\n')[0] ?? '').replace(/ imported from .*$/, '').slice(0, 300);
}
