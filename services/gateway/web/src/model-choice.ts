/**
 * The model to use, from the model pool's metadata through the gateway: its name and version in
 * the model menu, its input size for the preprocessor (client mode) and for shrinking uploads.
 */
import { preprocessConfig, type Metadata } from '@tensorhop/sdk';
import { uploadTarget, type UploadTarget } from './downscale.js';

export interface ModelChoice {
  /** The model's name, as the model hop's config names it; empty for the service's default. */
  name: string;
  preprocess: Record<string, unknown>;
  target: UploadTarget | undefined;
  summary: string;
}

/** The model service describes its model as `<name>: <description>`. */
function modelName(meta: Metadata): string {
  const description = meta.description ?? '';
  const colon = description.indexOf(':');
  return colon > 0 ? description.slice(0, colon) : '';
}

/** What the page needs of the metadata. */
export function modelChoice(meta: Metadata): ModelChoice {
  const name = modelName(meta);
  const shape = meta.inputs[0]?.shape.map((d) => (d < 0 ? 'N' : String(d))).join('×') ?? '?';
  const version = meta.version ? ` v${meta.version}` : '';
  return {
    name,
    preprocess: preprocessConfig(meta),
    target: uploadTarget(meta),
    summary: `${name || meta.name || 'model'}${version}, input ${shape}`,
  };
}

/** Puts the model into the menu and says what it is. */
export function showModel(
  select: HTMLSelectElement,
  note: HTMLElement,
  choice: ModelChoice,
  meta: Metadata,
  names: readonly string[] = [],
): void {
  const option = document.createElement('option');
  option.value = choice.name;
  option.textContent = choice.summary;
  // The other served models, by name: choosing one reads its metadata (input size, hint).
  const others = names
    .filter((n) => n !== choice.name)
    .map((n) => {
      const o = document.createElement('option');
      o.value = n;
      o.textContent = n;
      return o;
    });
  select.replaceChildren(option, ...others);
  select.value = choice.name;
  const description = meta.description?.slice(choice.name ? choice.name.length + 2 : 0) ?? '';
  const stop = description && !description.endsWith('.') ? '.' : '';
  note.textContent = `${description}${stop}${meta.server ? ` Served by ${meta.server}.` : ''}`;
}
