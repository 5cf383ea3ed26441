/** Where each stage is: the gateway's `/v1/<stage>` pool routes, unless an endpoint is given. */
import type { Endpoints } from './types.js';

/** The gateway of a local stack started with `tensorhop up`. */
export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';

export const STAGES = ['downloader', 'preprocessor', 'model'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(name: string): name is Stage {
  return (STAGES as readonly string[]).includes(name);
}

/** The URL of `stage`: its endpoint when given, else `<gateway>/v1/<stage>`. */
export function stageUrl(
  stage: Stage,
  options: { gateway?: string; endpoints?: Partial<Endpoints> } = {},
): string {
  const endpoint = options.endpoints?.[stage];
  if (endpoint) return endpoint;
  return `${(options.gateway ?? DEFAULT_GATEWAY).replace(/\/+$/, '')}/v1/${stage}`;
}

export function endpointsOf(options: { gateway?: string; endpoints?: Partial<Endpoints> }): Endpoints {
  return {
    downloader: stageUrl('downloader', options),
    preprocessor: stageUrl('preprocessor', options),
    model: stageUrl('model', options),
  };
}
