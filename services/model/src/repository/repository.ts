import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger, type Logger } from '../logger.js';
import { parseModelConfig, type ModelConfig } from './model-config.js';

/** TensorFlow.js model formats, as model.json's `format` names them, or an ONNX graph (model.onnx). */
export type ModelFormat = 'layers-model' | 'graph-model' | 'onnx';

/** One servable: `<repository>/<name>/<version>/`. */
export interface RepositoryVersion {
  name: string;
  version: number;
  dir: string;
  format: ModelFormat;
  config: ModelConfig;
  /** Lines of labels.txt, when present. */
  labels: string[] | undefined;
}

/** A model and its versions, newest first. */
export interface RepositoryModel {
  name: string;
  versions: RepositoryVersion[];
}

/** A model repository laid out like TF Serving's. */
export interface ModelRepository {
  dir: string;
  /** Sorted by name. */
  models: RepositoryModel[];
}

/** Options of {@link loadRepository}. */
export interface RepositoryOptions {
  /** @default silent */
  logger?: Logger;
  /** Load only these model names. @default every model */
  only?: readonly string[];
}

/** `<repository root>/models`, the default `TENSORHOP_MODEL_REPOSITORY` (from src/ or dist/ alike). */
export const DEFAULT_REPOSITORY = fileURLToPath(new URL('../../../../models', import.meta.url));

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Lists `<dir>/<name>/<version>/model.json` (TensorFlow.js) or `…/model.onnx` (ONNX; versions
 * are positive integers, as in TF Serving) and reads each version's tensorhop.json and
 * labels.txt. Directories without a numeric version holding a model are not models and are
 * skipped (e.g. `models/bench/`).
 * @throws when `dir` is missing, a version holds both files, or a tensorhop.json / model.json is
 * invalid (the message names the file).
 */
export async function loadRepository(dir: string, options: RepositoryOptions = {}): Promise<ModelRepository> {
  const log = options.logger ?? silentLogger;
  const root = path.resolve(dir);
  if (!(await isDir(root))) throw new Error(`model repository ${root} is not a directory`);
  const models: RepositoryModel[] = [];
  for (const name of (await readdir(root)).sort()) {
    if (!NAME.test(name) || (options.only && !options.only.includes(name))) continue;
    if (!(await isDir(path.join(root, name)))) continue;
    const versions = await loadVersions(path.join(root, name), name);
    if (versions.length === 0) {
      log.debug({ dir: path.join(root, name) }, 'no numeric version with a model.json; not a model');
      continue;
    }
    models.push({ name, versions });
  }
  return { dir: root, models };
}

async function loadVersions(modelDir: string, name: string): Promise<RepositoryVersion[]> {
  const versions: RepositoryVersion[] = [];
  for (const entry of await readdir(modelDir)) {
    if (!/^[0-9]+$/.test(entry) || Number(entry) < 1) continue;
    const dir = path.join(modelDir, entry);
    const format = await detectFormat(dir);
    if (format === undefined) continue;
    versions.push({
      name,
      version: Number(entry),
      dir,
      format,
      config: parseModelConfig(
        await readJson(path.join(dir, 'tensorhop.json')),
        path.join(dir, 'tensorhop.json'),
      ),
      labels: await readLabels(path.join(dir, 'labels.txt')),
    });
  }
  return versions.sort((a, b) => b.version - a.version);
}

/** Which model the version directory holds, if any; one directory serves one model. */
async function detectFormat(dir: string): Promise<ModelFormat | undefined> {
  const json = await isFile(path.join(dir, 'model.json'));
  const onnx = await isFile(path.join(dir, 'model.onnx'));
  if (json && onnx) throw new Error(`${dir}: holds both model.json and model.onnx; keep one per version`);
  if (onnx) return 'onnx';
  return json ? readFormat(path.join(dir, 'model.json')) : undefined;
}

/** `format` when model.json has it; otherwise a Keras topology means layers, a node list graph. */
async function readFormat(file: string): Promise<ModelFormat> {
  const json = (await readJson(file)) as { format?: unknown; modelTopology?: { node?: unknown } } | undefined;
  if (json?.format === 'layers-model' || json?.format === 'graph-model') return json.format;
  if (json?.modelTopology === undefined) throw new Error(`${file}: no modelTopology`);
  return Array.isArray(json.modelTopology.node) ? 'graph-model' : 'layers-model';
}

async function readLabels(file: string): Promise<string[] | undefined> {
  if (!(await isFile(file))) return undefined;
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function readJson(file: string): Promise<unknown> {
  if (!(await isFile(file))) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}
