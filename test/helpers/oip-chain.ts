/**
 * The real chain in this process for the OIP tests: a digit origin on loopback, the downloader
 * (loopback allowed), the preprocessor (default successor: the model), the model service with the
 * real MNIST model, and a gateway in front of the three pools. Every service on port 0.
 */
import type { Service } from '@tensorhop/kit';
import { createServer as createDownloader, loadDownloaderConfig } from '@tensorhop/downloader';
import { createServer as createPreprocessor, loadPreprocessorConfig } from '@tensorhop/preprocessor';
import { createServer as createModel, loadModelConfig, type ModelService } from '@tensorhop/model';
import { createServer as createGateway, loadGatewayConfig, type Gateway } from '@tensorhop/gateway';
import { startDigitOrigin, type DigitOrigin } from './digit-origin.js';

export interface OipChain {
  origin: DigitOrigin;
  model: ModelService;
  preprocessor: Service;
  downloader: Service;
  gateway: Gateway;
  urls: { model: string; preprocessor: string; downloader: string; gateway: string };
  grpcPort: number;
  close(): Promise<void>;
}

export async function startOipChain(digits: number): Promise<OipChain> {
  const silent = { port: 0, logLevel: 'silent' } as const;
  const origin = await startDigitOrigin(digits);
  const model = createModel(loadModelConfig({ env: {}, explicit: { ...silent, instances: 1 } }));
  const m = await model.listen();
  await model.loaded;
  const preprocessor = createPreprocessor(
    loadPreprocessorConfig({ env: {}, explicit: { ...silent, next: 'model', hops: { model: m.url } } }),
  );
  const p = await preprocessor.listen();
  const downloader = createDownloader(
    loadDownloaderConfig({
      env: { TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.0/8' },
      explicit: { ...silent, hops: { preprocessor: p.url, model: m.url } },
    }),
  );
  const d = await downloader.listen();
  const gateway = createGateway(
    loadGatewayConfig({
      env: {},
      explicit: {
        ...silent,
        host: '127.0.0.1',
        upstreams: { downloader: d.url, preprocessor: p.url, model: m.url },
      },
    }),
    { defaultMetrics: false },
  );
  const g = await gateway.listen();
  return {
    origin,
    model,
    preprocessor,
    downloader,
    gateway,
    urls: { model: m.url, preprocessor: p.url, downloader: d.url, gateway: g.url },
    grpcPort: m.grpcPort ?? 0,
    close: async () => {
      await gateway.close();
      await Promise.all([downloader.close(), preprocessor.close(), model.close()]);
      await origin.close();
    },
  };
}
