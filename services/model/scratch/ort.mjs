import * as ort from 'onnxruntime-node';
const s = await ort.InferenceSession.create('../../models/bench/mobilenet_v2_onnx/1/model.onnx', { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
for (const n of [1, 8, 1, 8, 32]) {
  const x = new Float32Array(n * 224 * 224 * 3).fill(0.5);
  await s.run({ image: new ort.Tensor('float32', x, [n, 224, 224, 3]) });
  const c = process.cpuUsage(); const t = performance.now(); let k = 0;
  while (performance.now() - t < 2000) { await s.run({ image: new ort.Tensor('float32', x, [n, 224, 224, 3]) }); k++; }
  const u = process.cpuUsage(c);
  console.log(n, 'wall ms/img', ((performance.now() - t) / k / n).toFixed(2), 'cpu ms/img', ((u.user + u.system) / 1000 / k / n).toFixed(2));
}
