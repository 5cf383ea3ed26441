/**
 * The Node.js flags every service process starts with (`tensorhop up` and the container images
 * pass them; V8 reads them only at start-up, and NODE_OPTIONS may not carry them).
 *
 * `--initial-old-space-size`: a service's own heap is small (about 15 MB), but every request
 * moves megabytes of tensor and image bytes through ArrayBuffers, which V8 counts against a
 * limit sized from that small heap. With the default, the model service ran a full mark-compact
 * for every 32-image MobileNetV2 request (about 20 ms each on a shared core); with 128 MB it runs
 * one every few seconds, and serves 10–15% more images per core for about 45 MB more peak RSS
 * (measured with the model pinned to one core; see the README's Benchmarks).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=128'];
