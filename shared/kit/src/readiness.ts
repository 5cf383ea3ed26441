/**
 * Readiness is the stage's own: loaded and warm (its `ready` check) and not draining. It never
 * asks another service: a slow or dead neighbour must not make a healthy replica look unready,
 * or one loaded hop turns every stage in front of it unready at once.
 */
import type { StageDefinition } from './stage.js';

export interface ReadyState {
  ready: boolean;
  stage: string;
  reason?: string;
}

export function createReadiness(deps: { stage: StageDefinition; isDraining(): boolean }) {
  return {
    async check(): Promise<ReadyState> {
      const stage = deps.stage.name;
      if (deps.isDraining()) return { ready: false, stage, reason: 'draining' };
      if (deps.stage.ready && !(await deps.stage.ready()))
        return { ready: false, stage, reason: 'not ready' };
      return { ready: true, stage };
    },
  };
}
