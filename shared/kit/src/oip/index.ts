/** The Open Inference Protocol (KServe v2) REST door of every service. */
export * from './catalog.js';
export * from './routes.js';
export { OIP_JSON_REPLY_BYTES } from './infer-route.js';
