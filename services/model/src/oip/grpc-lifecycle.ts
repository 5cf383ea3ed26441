/** The gRPC server started with the model service's HTTP server and drained with it. */
import type { Listening } from '@tensorhop/kit';
import type { ModelService } from '../server.js';
import { startGrpcServer, type GrpcDeps, type GrpcServer } from './grpc-server.js';

/** The model service with its gRPC port (`TENSORHOP_MODEL_GRPC_PORT`) beside the HTTP one. */
export function withGrpc(
  service: ModelService,
  deps: Omit<GrpcDeps, 'service'>,
  host: string,
  port: number,
): ModelService {
  const { listen, close } = service;
  let grpc: GrpcServer | undefined;
  return Object.assign(service, {
    listen: async (): Promise<Listening & { grpcPort: number }> => {
      const listening = await listen();
      try {
        grpc = await startGrpcServer({ ...deps, service }, host, port);
      } catch (error) {
        await close();
        throw error;
      }
      service.log.info({ port: grpc.port }, 'model gRPC (Open Inference Protocol) listening');
      return { ...listening, grpcPort: grpc.port };
    },
    close: async () => {
      // The HTTP drain sets the service draining first, so new gRPC infers are refused meanwhile.
      const http = close();
      await grpc?.close(service.config.drainTimeoutMs);
      await http;
    },
  });
}
