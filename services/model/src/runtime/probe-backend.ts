import type { BackendInfo, BackendRequest } from '../tfjs/backend.js';
import { Instance } from './instance.js';

const probes = new Map<BackendRequest, Promise<BackendInfo>>();

/**
 * Finds out which backend `request` gets, in a short-lived worker so the main thread never
 * loads TensorFlow.js. The answer is kept for the life of the process (it cannot change).
 * @throws when no backend of the request loads; the message lists each reason.
 */
export function probeBackend(request: BackendRequest): Promise<BackendInfo> {
  let probe = probes.get(request);
  if (!probe) {
    const worker = new Instance({
      probe: true,
      backend: request,
      onnx: { provider: 'cpu', threads: 1 },
      dir: '',
      format: 'layers-model',
      config: { inputs: [], outputs: [] },
      crashValue: undefined,
    });
    // The probe's worker only runs tfjs's initBackend, so its report is a BackendInfo.
    probe = worker.ready.then((report) => report.backend as BackendInfo);
    probes.set(request, probe);
    probe.catch(() => probes.delete(request));
  }
  return probe;
}
