/**
 * `POST /v2/models/{m}[/versions/{v}]/infer`: the OIP body (JSON, or JSON and binary parts) mapped
 * onto an InferRequest and run through the same door as the native protocol — hop routing, every
 * key exactly once, row errors — then mapped back. Hops inside the chain still speak protobuf.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  attachBinary,
  buildOipBody,
  fromOipRequest,
  parseOipBody,
  toOipResponse,
  INFERENCE_HEADER,
  isTensorhopError,
} from '@tensorhop/protocol';
import { readBody } from '../body.js';
import { traceCarrierOf, traceCarrierOfOip } from '../trace-context.js';
import type { InferDoor } from '../infer-door.js';
import type { Outcome } from '../infer-handler.js';
import type { ServiceConfig } from '../service-config.js';
import { findModel, type OipCatalog } from './catalog.js';
import { sendOipBody, sendOipError } from './reply.js';

/**
 * JSON numbers take about five times the bytes of the tensor they carry, and V8 strings stop near
 * 512 MiB: a reply with JSON outputs is held to this many tensor bytes (binary replies to the
 * service's limit).
 */
export const OIP_JSON_REPLY_BYTES = 24 * 1024 * 1024;

export interface InferRouteDeps {
  config: ServiceConfig;
  door: InferDoor;
  catalog: OipCatalog;
}

function traceIdOf(req: Request): string {
  const header = req.headers['x-trace-id'];
  return typeof header === 'string' && /^[\w.-]{1,64}$/.test(header)
    ? header
    : randomBytes(8).toString('hex');
}

/** The message of a reply whose status is an error although its rows are all accounted for. */
function failure(outcome: Outcome): string | undefined {
  if (outcome.status < 400) return undefined;
  const errors = outcome.reply.errors;
  const e = errors.find((x) => x.key === '') ?? errors.find((x) => x.stage === outcome.next) ?? errors[0];
  return e ? `${e.code}: ${e.message}` : `status ${outcome.status}`;
}

export function createInferRoute(deps: InferRouteDeps) {
  const { config, door, catalog } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client went away'));
    });
    try {
      const name = String(req.params.name);
      const version = req.params.version === undefined ? undefined : String(req.params.version);
      // The body is read first even for an unknown model: a reply sent while the client is still
      // sending can be lost to a connection reset.
      const body = await readBody(req, config.bodyLimitBytes, config.bodyTimeoutMs);
      const model = await findModel(catalog, name, version);
      const header = req.headers[INFERENCE_HEADER];
      const parts = parseOipBody(body, typeof header === 'string' ? header : undefined);
      const { request, reply } = fromOipRequest(attachBinary(parts.json, parts.binary), {
        maxRows: config.maxRows,
        defaultNext: config.next,
        pathConfig: model.config?.(version) ?? {},
      });
      const allBinary = reply.binaryAll
        ? Object.values(reply.binaryOf).every(Boolean)
        : reply.outputs.length > 0 && reply.outputs.every((o) => reply.binaryOf[o] === true);
      const call = {
        signal: controller.signal,
        traceId: traceIdOf(req),
        // traceparent in the OIP parameters wins over the HTTP header, as the contract says.
        carrier: traceCarrierOfOip(
          (parts.json as { parameters?: Record<string, unknown> }).parameters,
          traceCarrierOf(req.headers),
        ),
        setHeaders: (headers: Record<string, string>) => void res.set(headers),
        protocol: 'oip',
        maxReplyBytes: allBinary ? config.maxReplyBytes : OIP_JSON_REPLY_BYTES,
      };
      await door.run(request, call, (outcome) => {
        const target = { modelName: model.name, modelVersion: version ?? model.versions[0] ?? '' };
        const { json, parts: out } = toOipResponse(outcome.reply, target, reply);
        const error = failure(outcome);
        if (error) json.error = error;
        sendOipBody(res, outcome.status, buildOipBody(json, out), outcome.retryAfterSeconds);
      });
    } catch (error) {
      // A body that came too slowly leaves the connection in an unknown state: close it after the reply.
      if (isTensorhopError(error) && error.code === 'REQUEST_TIMEOUT') res.shouldKeepAlive = false;
      if (!res.headersSent) sendOipError(res, error);
    }
  };
}
