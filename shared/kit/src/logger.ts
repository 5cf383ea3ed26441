/** Structured JSON logs (pino): one line per request, never console.log in a service. */
import { pino, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A logger for one service; the level comes from `TENSORHOP_LOG_LEVEL` unless given. */
export function createLogger(name: string, level?: string): Logger {
  return pino({
    name,
    level: level ?? process.env.TENSORHOP_LOG_LEVEL ?? 'info',
    base: { service: name, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
