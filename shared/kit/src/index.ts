/**
 * @tensorhop/kit: what every tensorhop service is made of — the HTTP binding (protobuf and JSON),
 * hop routing with every key accounted for, readiness, metrics, logging, and typed configuration
 * read from the environment.
 */
export * from './config.js';
export * from './stage.js';
export * from './service.js';
export * from './service-config.js';
export * from './hops.js';
export * from './hop-client.js';
export * from './logger.js';
export * from './metrics.js';
export * from './respond.js';
export * from './memory-budget.js';
export * from './trace-context.js';
export * from './tracing.js';
export { readBody } from './body.js';
export { runService } from './run.js';
export { Semaphore } from './semaphore.js';
export { SERVICE_NODE_FLAGS } from './node-flags.js';
export type { Runnable } from './run.js';
export * from './infer-door.js';
export * from './oip/index.js';
export type { Outcome } from './infer-handler.js';
