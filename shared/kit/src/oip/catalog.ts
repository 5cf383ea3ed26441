/**
 * What a service presents as OIP models under `/v2/models/{name}`: a stage is one model named
 * after itself (the downloader, the preprocessor); the model service lists every model it serves
 * and turns the path's name and version into the stage's config.
 */
import { TensorhopError, oipModelMetadata, type IOMetadata, type Metadata } from '@tensorhop/protocol';

export interface OipModel {
  name: string;
  /** Versions a path may name; the first is the one used when the path names none. */
  versions: string[];
  /** @default 'tensorhop' */
  platform?: string;
  inputs: IOMetadata[];
  outputs: IOMetadata[];
  /** Facts for the metadata's `properties` (string values). */
  properties?: Record<string, string>;
  /** The stage config a request to this model (and version) gets. @default {} */
  config?(version: string | undefined): Record<string, unknown>;
  /** Inputs, outputs and properties of one version, when versions differ. @default the model's own */
  at?(version: string): Pick<OipModel, 'inputs' | 'outputs' | 'properties'>;
  /** @default the service's readiness */
  ready?(): boolean | Promise<boolean>;
}

export interface OipCatalog {
  /** The models served; may throw UNAVAILABLE while they load. */
  models(): OipModel[] | Promise<OipModel[]>;
}

/** The catalog of a stage that is one model: its own name, version, inputs and outputs. */
export function stageCatalog(metadata: () => Promise<Metadata>, stageName: string): OipCatalog {
  return {
    async models() {
      const m = await metadata();
      return [{ name: stageName, versions: [m.version], inputs: m.inputs, outputs: m.outputs }];
    },
  };
}

/** The OIP metadata of `model` at `version` (the default version when undefined). */
export function modelMetadata(model: OipModel, version: string | undefined) {
  const described =
    version === undefined || !model.at ? model : { ...model, properties: undefined, ...model.at(version) };
  return oipModelMetadata({ ...described, platform: model.platform ?? 'tensorhop' });
}

/** The model a path names, or NOT_FOUND naming the models there are. */
export async function findModel(
  catalog: OipCatalog,
  name: string,
  version: string | undefined,
): Promise<OipModel> {
  const models = await catalog.models();
  const model = models.find((m) => m.name === name);
  if (!model) {
    const known = models.map((m) => m.name).join(', ') || '(none)';
    throw new TensorhopError(
      'NOT_FOUND',
      `unknown model ${JSON.stringify(name)}: this service serves ${known}`,
    );
  }
  if (version !== undefined && !model.versions.includes(version)) {
    throw new TensorhopError(
      'NOT_FOUND',
      `model ${name} has no version ${JSON.stringify(version)}: versions are ${model.versions.join(', ')}`,
    );
  }
  return model;
}
