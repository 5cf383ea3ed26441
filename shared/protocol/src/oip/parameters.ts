/**
 * tensorhop's own fields in OIP `parameters`. The spec's parameter values are strings, numbers or
 * booleans, so lists and objects travel as JSON text; a client that sends the JSON value itself
 * (as people do with curl) is taken at its word too.
 */
import { badRequest } from '../errors.js';
import type { Hop, InferResponse, Route, RouteMode } from '../messages.js';

export interface TensorhopParams {
  keys: string[];
  route: Route;
  /** This stage's config (`tensorhop_config`), an object. */
  config: Record<string, unknown>;
}

function jsonValue(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`parameters.${name} is not valid JSON`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((k) => typeof k === 'string')) {
    throw badRequest(`parameters.${name} must be a JSON array of strings`);
  }
  return value as string[];
}

function hopOf(h: unknown, i: number): Hop {
  if (typeof h === 'string') return { target: h };
  const what = `parameters.tensorhop_next[${i}]`;
  if (!isObject(h) || typeof h.target !== 'string' || h.target === '') {
    throw badRequest(`${what} must be a hop name or {"target", "config", "output_names"}`);
  }
  const hop: Hop = { target: h.target };
  if (h.config !== undefined && h.config !== '') {
    const config =
      typeof h.config === 'string' ? jsonValue(h.config, `tensorhop_next[${i}].config`) : h.config;
    if (!isObject(config)) throw badRequest(`${what}.config must be a JSON object`);
    hop.config = JSON.stringify(config);
  }
  if (h.output_names !== undefined)
    hop.outputNames = stringList(h.output_names, `tensorhop_next[${i}].output_names`);
  return hop;
}

/** `tensorhop_next`: a JSON array of hops, or comma-separated hop names. */
function parseNext(value: unknown): Hop[] {
  if (value === undefined || value === '') return [];
  const list =
    typeof value === 'string' && !value.trim().startsWith('[')
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : jsonValue(value, 'tensorhop_next');
  if (!Array.isArray(list))
    throw badRequest('parameters.tensorhop_next must be a JSON array of hops or hop names');
  return list.map(hopOf);
}

function parseMode(value: unknown, hasNext: boolean): RouteMode {
  if (value === undefined || value === '') return hasNext ? 'EXACT' : 'DEFAULT';
  if (value === 'EXACT' || value === 'DEFAULT') return value;
  throw badRequest('parameters.tensorhop_mode must be "EXACT" or "DEFAULT"');
}

/** The tensorhop fields of a request's parameters (all optional). */
export function readTensorhopParams(params: unknown): TensorhopParams {
  if (params === undefined || params === null) {
    return { keys: [], route: { next: [], mode: 'DEFAULT', hopsLeft: 0 }, config: {} };
  }
  if (!isObject(params)) throw badRequest('parameters must be an object');
  const keys =
    params.tensorhop_keys === undefined
      ? []
      : stringList(jsonValue(params.tensorhop_keys, 'tensorhop_keys'), 'tensorhop_keys');
  const next = parseNext(params.tensorhop_next);
  const mode = parseMode(params.tensorhop_mode, next.length > 0);
  const config =
    params.tensorhop_config === undefined ? {} : jsonValue(params.tensorhop_config, 'tensorhop_config');
  if (!isObject(config)) throw badRequest('parameters.tensorhop_config must be a JSON object');
  return { keys, route: { next, mode, hopsLeft: 0 }, config };
}

/** The response parameters: keys of the output rows, row errors and stage timings, as JSON text. */
export function writeTensorhopParams(reply: InferResponse): Record<string, string> {
  return {
    tensorhop_keys: JSON.stringify(reply.keys),
    tensorhop_errors: JSON.stringify(reply.errors),
    tensorhop_trace: JSON.stringify(reply.trace),
  };
}
