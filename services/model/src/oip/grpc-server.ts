/**
 * `inference.GRPCInferenceService` (the Open Inference Protocol's gRPC API, from the spec's own
 * proto file) on the model service. ModelInfer runs through the service's infer door, so gRPC
 * requests share the HTTP requests' bounds, hop routing and drain.
 */
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fromOipRequest, oipServerMetadata, toOipResponse, toTensorhopError } from '@tensorhop/protocol';
import {
  SERVER_NAME,
  findModel,
  modelMetadata,
  traceCarrierFrom,
  type OipCatalog,
  type Service,
} from '@tensorhop/kit';
import { grpcResponse, requestLike, type GrpcInferRequest } from './grpc-mapping.js';

const PROTO = createRequire(import.meta.url).resolve('@tensorhop/protocol/proto/open_inference_grpc.proto');

/** How proto-loader maps messages: field names as in the proto, 64-bit as strings, oneof names set. */
export const PROTO_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  defaults: true,
  oneofs: true,
};

/** The service definition, for the server and for clients (tests, tools). */
export function loadInferenceService(): grpc.ServiceClientConstructor {
  const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(PROTO, PROTO_OPTIONS));
  return (pkg.inference as grpc.GrpcObject).GRPCInferenceService as grpc.ServiceClientConstructor;
}

/** gRPC status of an HTTP status, as grpc-gateway maps them. */
function grpcCode(status: number): grpc.status {
  const map: Record<number, grpc.status> = {
    400: grpc.status.INVALID_ARGUMENT,
    401: grpc.status.UNAUTHENTICATED,
    403: grpc.status.PERMISSION_DENIED,
    404: grpc.status.NOT_FOUND,
    408: grpc.status.DEADLINE_EXCEEDED,
    413: grpc.status.RESOURCE_EXHAUSTED,
    429: grpc.status.RESOURCE_EXHAUSTED,
    503: grpc.status.UNAVAILABLE,
    504: grpc.status.DEADLINE_EXCEEDED,
  };
  return map[status] ?? (status >= 500 ? grpc.status.INTERNAL : grpc.status.UNKNOWN);
}

/** A gRPC error carrying tensorhop's code in the `tensorhop-code` trailer. */
function grpcError(error: unknown): grpc.ServiceError {
  const e = toTensorhopError(error);
  const metadata = new grpc.Metadata();
  metadata.set('tensorhop-code', e.code);
  return Object.assign(new Error(e.message), { code: grpcCode(e.status), details: e.message, metadata });
}

type Handler = (
  call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
  callback: grpc.sendUnaryData<unknown>,
) => void;

function unary(
  fn: (
    request: Record<string, unknown>,
    call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
  ) => Promise<unknown>,
): Handler {
  return (call, callback) => {
    fn(call.request, call).then(
      (reply) => callback(null, reply),
      (error: unknown) => callback(grpcError(error)),
    );
  };
}

export interface GrpcDeps {
  service: Service;
  catalog: OipCatalog;
  ready(): Promise<boolean>;
}

function implementation(deps: GrpcDeps): grpc.UntypedServiceImplementation {
  const { service, catalog } = deps;
  const model = (r: Record<string, unknown>) =>
    findModel(
      catalog,
      String(r.name ?? r.model_name ?? ''),
      (r.version || r.model_version || undefined) as string | undefined,
    );
  return {
    ServerLive: unary(async () => ({ live: true })),
    ServerReady: unary(async () => ({ ready: await deps.ready() })),
    ModelReady: unary(async (r) => {
      const m = await model(r);
      return { ready: (await deps.ready()) && (m.ready ? await m.ready() : true) };
    }),
    ServerMetadata: unary(async () => oipServerMetadata('tensorhop', SERVER_NAME.split('/')[1] ?? '')),
    ModelMetadata: unary(async (r) => {
      return modelMetadata(await model(r), (r.version as string) || undefined);
    }),
    ModelInfer: unary(async (r, call) => {
      const msg = r as unknown as GrpcInferRequest;
      const m = await model(r);
      const version = msg.model_version || undefined;
      const { request, reply } = fromOipRequest(requestLike(msg), {
        maxRows: service.config.maxRows,
        defaultNext: service.config.next,
        pathConfig: m.config?.(version) ?? {},
      });
      const controller = new AbortController();
      call.on('cancelled', () => controller.abort(new Error('client cancelled')));
      const trace = call.metadata.get('x-trace-id')[0];
      return service.door.run(
        request,
        {
          signal: controller.signal,
          traceId: typeof trace === 'string' ? trace : '',
          carrier: traceCarrierFrom((name) => call.metadata.get(name)[0]),
          protocol: 'grpc',
        },
        (outcome) => {
          const target = { modelName: m.name, modelVersion: version ?? m.versions[0] ?? '' };
          const { json, parts } = toOipResponse(outcome.reply, target, reply, true);
          return grpcResponse(json, parts);
        },
      );
    }),
  };
}

export interface GrpcServer {
  port: number;
  /** Waits for calls in progress (up to `timeoutMs`), then stops. */
  close(timeoutMs: number): Promise<void>;
}

/** Starts the gRPC server on `host:port` (port 0 picks a free one). */
export async function startGrpcServer(deps: GrpcDeps, host: string, port: number): Promise<GrpcServer> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': deps.service.config.bodyLimitBytes });
  server.addService(loadInferenceService().service, implementation(deps));
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, p) =>
      error ? reject(error) : resolve(p),
    ),
  );
  return {
    port: bound,
    close: (timeoutMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), timeoutMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
