/**
 * The model service's OIP models: every served model under its own name, its versions newest
 * first. The path's name and version become the stage's `{model, version}` config, so an OIP
 * request reaches the same model a native request naming it would.
 */
import type { OipCatalog, OipModel } from '@tensorhop/kit';
import type { ModelInfo, ModelRuntime } from '../index.js';
import { describeModel } from '../stage.js';

const PLATFORMS: Record<string, string> = {
  'layers-model': 'tensorflowjs_layers',
  'graph-model': 'tensorflowjs_graph',
  onnx: 'onnx_onnxv1',
};

function described(info: ModelInfo): Pick<OipModel, 'inputs' | 'outputs' | 'properties'> {
  const d = describeModel(info);
  return {
    inputs: d.inputs ?? [],
    outputs: d.outputs ?? [],
    // The preprocessing the model expects (the preprocessor's config keys), for clients that preprocess.
    ...(d.preprocess ? { properties: { tensorhop_preprocess: d.preprocess } } : {}),
  };
}

function oipModel(info: ModelInfo, runtime: ModelRuntime): OipModel {
  return {
    name: info.name,
    versions: info.versions.map(String),
    platform: PLATFORMS[info.format] ?? `tensorhop_${info.format}`,
    ...described(info),
    at: (version) => described(runtime.resolve({ model: info.name, version: Number(version) })),
    config: (version) => ({
      model: info.name,
      ...(version === undefined ? {} : { version: Number(version) }),
    }),
    ready: () => runtime.ready(),
  };
}

/** The catalog over the runtime; while models load it throws the runtime's UNAVAILABLE. */
export function modelCatalog(runtime: () => ModelRuntime): OipCatalog {
  return {
    models() {
      const r = runtime();
      const byName = new Map<string, OipModel>();
      // models() lists versions newest first, so the first entry of a name describes its newest.
      for (const info of r.models()) if (!byName.has(info.name)) byName.set(info.name, oipModel(info, r));
      return [...byName.values()];
    },
  };
}
