/**
 * The Open Inference Protocol (KServe v2) mapped onto tensorhop's messages: one tensor model for
 * the native protocol, OIP REST (JSON and binary data) and OIP gRPC.
 */
export * from './datatype.js';
export * from './half.js';
export * from './shape.js';
export * from './json-data.js';
export * from './raw.js';
export * from './body.js';
export * from './parameters.js';
export * from './request.js';
export * from './response.js';
export * from './metadata.js';
export * from './client.js';
