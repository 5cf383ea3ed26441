/**
 * @tensorhop/protocol: the wire of tensorhop — schema, generated code, tensor codec, the JSON
 * mapping, rows and keys, and the one error table. It depends on protobufjs only, so browsers and
 * React Native apps can use it as they are.
 */
export * from './dtype.js';
export * from './errors.js';
export * from './tensor.js';
export * from './codec.js';
export * from './messages.js';
export * from './json-mapping.js';
export * from './wire.js';
export { encodeResponseHead } from './fast-encode.js';
export * from './rows.js';
export { pb } from './pb.js';
export { deadline, sleep, type Deadline } from './utils/deadline.js';
export { parseRetryAfter } from './utils/retry-after.js';
export * from './utils/bytes.js';
export * from './preprocess/index.js';
