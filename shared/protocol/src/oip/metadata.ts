/** Server and model metadata in the OIP's shapes. */
import type { IOMetadata } from '../messages.js';
import { oipDatatype, type OipDatatype } from './datatype.js';

/** Extensions `GET /v2` lists: the binary data extension, and tensorhop's route in `parameters`. */
export const OIP_EXTENSIONS = ['binary_tensor_data', 'tensorhop_sequencing'] as const;

export interface OipTensorMetadata {
  name: string;
  datatype: OipDatatype;
  shape: number[];
}

export interface OipModelMetadata {
  name: string;
  versions: string[];
  platform: string;
  inputs: OipTensorMetadata[];
  outputs: OipTensorMetadata[];
  /** Free-form facts (the spec's optional `properties`), e.g. `tensorhop_preprocess`. */
  properties?: Record<string, string>;
}

export interface OipServerMetadata {
  name: string;
  version: string;
  extensions: string[];
}

function tensorMetadata(io: IOMetadata): OipTensorMetadata {
  return { name: io.name, datatype: oipDatatype(io.type), shape: [...io.shape] };
}

export function oipModelMetadata(m: {
  name: string;
  versions: readonly string[];
  platform: string;
  inputs: readonly IOMetadata[];
  outputs: readonly IOMetadata[];
  properties?: Readonly<Record<string, string>> | undefined;
}): OipModelMetadata {
  return {
    ...(m.properties ? { properties: { ...m.properties } } : {}),
    name: m.name,
    versions: [...m.versions],
    platform: m.platform,
    inputs: m.inputs.map(tensorMetadata),
    outputs: m.outputs.map(tensorMetadata),
  };
}

export function oipServerMetadata(name: string, version: string): OipServerMetadata {
  return { name, version, extensions: [...OIP_EXTENSIONS] };
}
