/**
 * Client sequencing calls the preprocessor with no next hop, so the client tells it what the model
 * wants, by the same rule the preprocessor uses when it forwards (@tensorhop/protocol's
 * configFromModelInput): the model's `preprocess` hint plus the size, channels and layout of its input.
 */
import { configFromModelInput, type Metadata } from '@tensorhop/protocol';

/** The preprocessor config for the model described by `meta`. */
export function preprocessConfig(meta: Metadata): Record<string, unknown> {
  const hint = meta.preprocess ? (JSON.parse(meta.preprocess) as Record<string, unknown>) : {};
  return { ...configFromModelInput(meta.inputs[0]?.shape ?? [], hint) };
}
