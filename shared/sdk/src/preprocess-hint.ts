/**
 * Client sequencing calls the preprocessor with no next hop, so the client tells it what the model
 * wants, as the preprocessor itself does when it forwards: the model's `preprocess` hint plus the
 * size, channels and layout of its input.
 */
import type { Metadata } from '@tensorhop/protocol';

const isChannels = (c: number | undefined): c is 1 | 3 => c === 1 || c === 3;

/** The preprocessor config for the model described by `meta`. */
export function preprocessConfig(meta: Metadata): Record<string, unknown> {
  const hint = meta.preprocess ? (JSON.parse(meta.preprocess) as Record<string, unknown>) : {};
  const dims = meta.inputs[0]?.shape ?? [];
  if (dims.length !== 4) return hint;
  const hinted = typeof hint.layout === 'string' ? hint.layout.toUpperCase() : undefined;
  // NHWC unless only the second axis looks like a channel count.
  const layout = hinted ?? (!isChannels(dims[3]) && isChannels(dims[1]) ? 'NCHW' : 'NHWC');
  const [h, w, c] = layout === 'NCHW' ? [dims[2], dims[3], dims[1]] : [dims[1], dims[2], dims[3]];
  return {
    ...(h !== undefined && w !== undefined && h > 0 && w > 0 ? { size: [h, w] } : {}),
    ...(isChannels(c) ? { channels: c } : {}),
    ...hint,
    layout,
  };
}
