/**
 * Opens an ONNX Runtime session on the best execution provider the request allows: `auto` tries
 * CUDA, then the CPU. The CUDA provider is not in the npm package (its postinstall would fetch it
 * from NuGet, which this project skips); where its library is absent, CUDA is skipped without
 * loading anything, and the reason says how to get it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import type { RuntimeInfo } from '../runtime/engine.js';
import type { OnnxOptions, OnnxProvider } from './options.js';

type Ort = typeof import('onnxruntime-node');
type Provider = 'cuda' | 'cpu';

const CANDIDATES: Record<OnnxProvider, Provider[]> = { auto: ['cuda', 'cpu'], cuda: ['cuda'], cpu: ['cpu'] };

/**
 * Creates the session for `file` with `options.threads` intra-op threads.
 * @throws when no provider of the request opens the model; the message lists every reason.
 */
export async function openSession(
  ort: Ort,
  file: string,
  options: OnnxOptions,
): Promise<{ session: InferenceSession; runtime: RuntimeInfo }> {
  const skipped: RuntimeInfo['skipped'] = [];
  for (const provider of CANDIDATES[options.provider]) {
    const name = `onnxruntime-${provider}`;
    const missing = provider === 'cuda' ? cudaMissing() : undefined;
    if (missing) {
      skipped.push({ name, reason: missing });
      continue;
    }
    try {
      const session = await ort.InferenceSession.create(file, sessionOptions(provider, options.threads));
      const detail = `${options.threads} thread${options.threads === 1 ? '' : 's'}`;
      return { session, runtime: { name, detail, skipped } };
    } catch (error) {
      skipped.push({
        name,
        reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
      });
    }
  }
  throw new Error(
    `no ONNX Runtime provider for '${options.provider}' opens the model (${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`,
  );
}

function sessionOptions(provider: Provider, threads: number): InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    intraOpNumThreads: threads,
    // One batch at a time per instance: parallelism comes from instances and intra-op threads.
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // A failed CUDA attempt is reported in `skipped`; ORT's own error log would only repeat it.
    logSeverityLevel: provider === 'cuda' ? 4 : 3,
    // The model shares its cores with the other stages (and the other instances): threads that
    // spin while waiting for work burn CPU they need. Measured on 2 busy cores with 2 threads:
    // 4.6 vs 9.7 CPU ms per MobileNetV2 image, and faster in wall time too.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

/** Why the CUDA provider cannot load here, or undefined when its library is installed. */
function cudaMissing(): string | undefined {
  const platform = `${process.platform}/${process.arch}`;
  if (platform !== 'linux/x64' && platform !== 'win32/x64')
    return `no CUDA build of ONNX Runtime for ${platform}`;
  const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
  const bin = path.join(path.dirname(entry), '..', 'bin', 'napi-v6', process.platform, process.arch);
  const lib =
    process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
  if (existsSync(path.join(bin, lib))) return undefined;
  return `${lib} is not installed (on a machine with CUDA 12: npm run onnx:cuda -w services/model)`;
}
