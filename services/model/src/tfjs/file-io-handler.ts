import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs';

/** Name of the single weight shard {@link fileSystemHandler} writes. */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * A TensorFlow.js IOHandler over a `model.json` on disk and the weight shards it lists, for
 * layers and graph models alike. tfjs registers a `file://` handler only with tfjs-node, which
 * is optional here, so loading and saving go through this instead.
 *
 * Saving writes `model.json` plus one shard, {@link WEIGHTS_FILE}.
 */
export function fileSystemHandler(modelJsonPath: string): io.IOHandler {
  const dir = path.dirname(modelJsonPath);
  return {
    load: async () => {
      const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as io.ModelJSON;
      return artifactsFromJson(json, await readShards(dir, json.weightsManifest ?? []));
    },
    save: async (artifacts) => {
      await mkdir(dir, { recursive: true });
      const weights = joinWeights(artifacts.weightData);
      const json = jsonFromArtifacts(artifacts, [
        { paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] },
      ]);
      await writeFile(path.join(dir, WEIGHTS_FILE), new Uint8Array(weights));
      await writeFile(modelJsonPath, JSON.stringify(json));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weights.byteLength,
        },
      };
    },
  };
}

/** Reads every shard of every group, in manifest order (the order tfjs decodes weights in). */
async function readShards(dir: string, manifest: io.WeightsManifestConfig): Promise<ArrayBuffer[]> {
  const buffers: ArrayBuffer[] = [];
  for (const group of manifest) {
    for (const shard of group.paths) {
      const file = path.resolve(dir, shard);
      // model.json comes from the repository, but a '../' path must still not read outside it.
      if (path.relative(dir, file).startsWith('..')) throw new Error(`weight path '${shard}' leaves ${dir}`);
      const bytes = await readFile(file);
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  return buffers;
}

function artifactsFromJson(json: io.ModelJSON, weightData: ArrayBuffer[]): io.ModelArtifacts {
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: (json.weightsManifest ?? []).flatMap((group) => group.weights),
    weightData,
  };
  // Copy only the optional fields that are present (exactOptionalPropertyTypes).
  const extra = json as unknown as Record<string, unknown>;
  for (const key of [
    'format',
    'generatedBy',
    'convertedBy',
    'signature',
    'userDefinedMetadata',
    'modelInitializer',
    'initializerSignature',
    'trainingConfig',
  ]) {
    if (extra[key] !== undefined) (artifacts as Record<string, unknown>)[key] = extra[key];
  }
  return artifacts;
}

function jsonFromArtifacts(artifacts: io.ModelArtifacts, manifest: io.WeightsManifestConfig): object {
  return {
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: manifest,
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.signature ? { signature: artifacts.signature } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
  };
}

function joinWeights(data: io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const buffer of data) {
    out.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return out.buffer;
}
