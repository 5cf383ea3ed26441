/**
 * "Resize to model input": when a request gives no `size` and its rows go on to a model, the model's
 * metadata (input shape and `preprocess` hint) sets the preprocessing. It is cached per hop and
 * dropped when a call to that hop fails, so a model swap is picked up.
 */
import type { Metadata } from '@tensorhop/protocol';
import { configFromModelInput, type PreprocessConfig } from './core/index.js';

export interface ModelHints {
  get(hop: string, fetch: (hop: string) => Promise<Metadata>): Promise<Partial<PreprocessConfig>>;
  invalidate(hop: string): void;
}

export function createModelHints(ttlMs: number): ModelHints {
  const cache = new Map<string, { at: number; value: Promise<Partial<PreprocessConfig>> }>();
  return {
    get(hop, fetch) {
      const hit = cache.get(hop);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = fetch(hop).then((m) => {
        const input = m.inputs[0];
        // Only a model-like hop (an image-shaped input) says anything about preprocessing.
        if (!input || input.shape.length !== 4) return {};
        const hint = m.preprocess ? (JSON.parse(m.preprocess) as Record<string, unknown>) : {};
        return configFromModelInput(input.shape, hint);
      });
      cache.set(hop, { at: Date.now(), value });
      value.catch(() => cache.delete(hop));
      return value;
    },
    invalidate(hop) {
      cache.delete(hop);
    },
  };
}
