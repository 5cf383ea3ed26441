/**
 * The Open Inference Protocol's REST paths on a service: server metadata, live and ready, model
 * metadata and ready, and infer. Every `/v2` path answers errors as `{"error": ...}`.
 */
import express, { type Express } from 'express';
import { TensorhopError, oipServerMetadata } from '@tensorhop/protocol';
import type { InferDoor } from '../infer-door.js';
import type { ServiceConfig } from '../service-config.js';
import { findModel, modelMetadata, type OipCatalog } from './catalog.js';
import { createInferRoute } from './infer-route.js';
import { sendOipError } from './reply.js';

export interface OipRoutesDeps {
  config: ServiceConfig;
  door: InferDoor;
  catalog: OipCatalog;
  /** Server name and version for `GET /v2`. */
  server: { name: string; version: string };
  /** The service's readiness (loaded, warm, not draining). */
  ready(): Promise<boolean>;
}

const MODEL = '/v2/models/:name{/versions/:version}';

export function mountOipRoutes(app: Express, deps: OipRoutesDeps): void {
  const router = express.Router();
  const wrap =
    (fn: (req: express.Request, res: express.Response) => Promise<void>) =>
    (req: express.Request, res: express.Response): void =>
      void fn(req, res).catch((error: unknown) => sendOipError(res, error));
  const model = (req: express.Request) =>
    findModel(
      deps.catalog,
      String(req.params.name),
      req.params.version === undefined ? undefined : String(req.params.version),
    );

  router.get(
    ['/v2', '/v2/'],
    (_req, res) => void res.json(oipServerMetadata(deps.server.name, deps.server.version)),
  );
  router.get('/v2/health/live', (_req, res) => void res.json({ live: true }));
  router.get(
    '/v2/health/ready',
    wrap(async (_req, res) => {
      const ready = await deps.ready();
      res.status(ready ? 200 : 503).json({ live: true, ready });
    }),
  );
  router.get(
    `${MODEL}/ready`,
    wrap(async (req, res) => {
      const m = await model(req);
      const ready = (await deps.ready()) && (m.ready ? await m.ready() : true);
      res.status(ready ? 200 : 503).json({ name: m.name, ready });
    }),
  );
  router.get(
    MODEL,
    wrap(async (req, res) => {
      const version = req.params.version === undefined ? undefined : String(req.params.version);
      res.json(modelMetadata(await model(req), version));
    }),
  );
  router.post(`${MODEL}/infer`, createInferRoute(deps));
  // KServe's model repository extension, index only: every model served, for pickers and tools.
  router.post(
    '/v2/repository/index',
    wrap(async (_req, res) => {
      const ready = await deps.ready();
      const models = await deps.catalog.models();
      res.json(
        models.map((m) => ({
          name: m.name,
          version: m.versions[0] ?? '',
          state: ready ? 'READY' : 'UNAVAILABLE',
        })),
      );
    }),
  );
  router.all(['/v2', '/v2/{*rest}'], (req, res) =>
    sendOipError(
      res,
      new TensorhopError('NOT_FOUND', `no Open Inference Protocol route for ${req.method} ${req.path}`),
    ),
  );
  app.use(router);
}
