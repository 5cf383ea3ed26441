/**
 * The generated protobuf classes (from `proto/tensorhop.proto`, see `scripts/gen.mjs`), re-exported
 * under one short name. Everything else in this package goes through the typed layer on top.
 */
import { tensorhop } from '../gen/tensorhop.js';

export const pb = tensorhop.v1;
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace pb {
  export type ITensor = tensorhop.v1.ITensor;
  export type IRequest = tensorhop.v1.IRequest;
  export type IInferRequest = tensorhop.v1.IInferRequest;
  export type IInferResponse = tensorhop.v1.IInferResponse;
  export type IMetadataResponse = tensorhop.v1.IMetadataResponse;
  export type IRoute = tensorhop.v1.IRoute;
  export type IHop = tensorhop.v1.IHop;
  export type IRowError = tensorhop.v1.IRowError;
  export type IStageTiming = tensorhop.v1.IStageTiming;
  export type IIOMetadata = tensorhop.v1.IIOMetadata;
  export type Tensor = tensorhop.v1.Tensor;
  export type InferRequest = tensorhop.v1.InferRequest;
  export type InferResponse = tensorhop.v1.InferResponse;
  export type MetadataResponse = tensorhop.v1.MetadataResponse;
  export type Request = tensorhop.v1.Request;
}
