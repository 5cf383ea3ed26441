/**
 * "Resize to model input": when a request gives no `size` and its rows go on to a model, the model's
 * metadata (input shape and `preprocess` hint) sets the preprocessing — of the model the hop's
 * config names (`{"model": "x"}`), or the hop's default model. It is cached per hop and model and
 * dropped when a call to that hop fails, so a model swap is picked up.
 */
import type { Metadata } from '@tensorhop/protocol';
import { configFromModelInput, type PreprocessConfig } from './core/index.js';

export interface ModelHints {
  get(
    hop: string,
    hopConfig: string,
    fetch: (hop: string, config: string) => Promise<Metadata>,
  ): Promise<Partial<PreprocessConfig>>;
  invalidate(hop: string): void;
}

/** The part of a hop's config that picks a model: `{"model", "version"}` as JSON text, or ''. */
export function modelSelector(hopConfig: string): string {
  if (hopConfig.trim() === '') return '';
  try {
    const { model, version } = JSON.parse(hopConfig) as { model?: unknown; version?: unknown };
    if (model === undefined && version === undefined) return '';
    return JSON.stringify({ model, version });
  } catch {
    return ''; // the hop itself will refuse a config that is not JSON
  }
}

export function createModelHints(ttlMs: number): ModelHints {
  const cache = new Map<string, { at: number; value: Promise<Partial<PreprocessConfig>> }>();
  return {
    get(hop, hopConfig, fetch) {
      const selector = modelSelector(hopConfig);
      const id = `${hop}\u0000${selector}`;
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = fetch(hop, selector).then((m) => {
        const input = m.inputs[0];
        // Only a model-like hop (an image-shaped input) says anything about preprocessing.
        if (!input || input.shape.length !== 4) return {};
        const hint = m.preprocess ? (JSON.parse(m.preprocess) as Record<string, unknown>) : {};
        return configFromModelInput(input.shape, hint);
      });
      cache.set(id, { at: Date.now(), value });
      value.catch(() => cache.delete(id));
      return value;
    },
    invalidate(hop) {
      for (const id of cache.keys()) if (id.startsWith(`${hop}\u0000`)) cache.delete(id);
    },
  };
}
