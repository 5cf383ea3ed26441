/**
 * Readiness: the stage's own check, not draining, and its default next hop answering /healthz (cached
 * briefly, so a burst of probes does not become a burst of calls).
 */
import { hopHeaders } from './hops.js';
import type { ServiceConfig } from './service-config.js';
import type { StageDefinition } from './stage.js';

export interface ReadyState {
  ready: boolean;
  stage: string;
  reason?: string;
}

const HOP_CACHE_MS = 2000;

export function createReadiness(deps: {
  stage: StageDefinition;
  config: ServiceConfig;
  isDraining(): boolean;
}) {
  let hopCheck: { at: number; ok: boolean; reason?: string } | undefined;

  async function nextHopHealthy(): Promise<{ ok: boolean; reason?: string }> {
    const name = deps.config.next;
    if (name === '') return { ok: true };
    const url = deps.config.hops[name];
    if (url === undefined) return { ok: false, reason: `default next hop ${name} is not in the hop table` };
    if (hopCheck && Date.now() - hopCheck.at < HOP_CACHE_MS) return hopCheck;
    let result: { ok: boolean; reason?: string };
    try {
      const res = await fetch(`${url.replace(/\/$/, '')}/healthz`, {
        signal: AbortSignal.timeout(1000),
        headers: hopHeaders(deps.config.hopsApiKey),
      });
      result = res.ok ? { ok: true } : { ok: false, reason: `next hop ${name} answered ${res.status}` };
    } catch (error) {
      result = { ok: false, reason: `next hop ${name} unreachable: ${(error as Error).message}` };
    }
    hopCheck = { at: Date.now(), ...result };
    return result;
  }

  return {
    async check(): Promise<ReadyState> {
      const stage = deps.stage.name;
      if (deps.isDraining()) return { ready: false, stage, reason: 'draining' };
      if (deps.stage.ready && !(await deps.stage.ready()))
        return { ready: false, stage, reason: 'not ready' };
      const hop = await nextHopHealthy();
      return hop.ok ? { ready: true, stage } : { ready: false, stage, reason: hop.reason ?? 'next hop down' };
    },
  };
}
