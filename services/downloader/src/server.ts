/**
 * The downloader stage: URLs (STRING, one per row) → the fetched image bytes. A row that cannot be
 * fetched fails alone with its DOWNLOAD_* code; the other rows go on.
 */
import { DType, badRequest, isStringTensor, isTensorhopError, stringTensor } from '@tensorhop/protocol';
import {
  createService,
  type Service,
  type StageContext,
  type StageDefinition,
  type StageRowError,
} from '@tensorhop/kit';
import type { DownloaderConfig } from './config.js';
import { createDownloader } from './core/index.js';

export { loadDownloaderConfig, type DownloaderConfig } from './config.js';

export function createServer(config: DownloaderConfig): Service {
  const downloader = createDownloader(config.fetch);
  const stage: StageDefinition = {
    name: 'downloader',
    description: 'image URLs (http, https, data) → encoded image bytes, with an SSRF guard',
    inputs: [{ name: 'urls', description: 'one URL per row', shape: [-1], type: DType.STRING }],
    outputs: [
      {
        name: 'images',
        description: 'the fetched bytes, one image per row',
        shape: [-1],
        type: DType.STRING,
      },
    ],
    async apply(ctx) {
      const urls = ctx.input('urls');
      if (!isStringTensor(urls) || urls.shape.length !== 1) {
        throw badRequest('input "urls" must be a STRING tensor of shape [N], one URL per row');
      }
      const results = await Promise.all(
        urls.strings.map((u) => downloader.download(Buffer.from(u).toString('utf8'), ctx.signal)),
      );
      const keys: string[] = [];
      const images: Uint8Array[] = [];
      const errors: StageRowError[] = [];
      results.forEach((r, i) => {
        const key = ctx.keys[i] as string;
        if (!r.ok) return errors.push({ key, code: r.code, message: r.message });
        // Downloaded bytes are held until the reply is sent: they count against the process's
        // memory budget and the reply's size limit, and a row that does not fit fails alone.
        const refused = reserve(ctx, r.bytes.byteLength);
        if (refused) return errors.push({ key, ...refused });
        keys.push(key);
        images.push(r.bytes);
      });
      return { outputs: { images: stringTensor(images) }, keys, errors };
    },
    close: () => downloader.close(),
  };
  return createService({ stage, config });
}

function reserve(ctx: StageContext, bytes: number): Pick<StageRowError, 'code' | 'message'> | undefined {
  try {
    ctx.reserveOutput(bytes);
    return undefined;
  } catch (error) {
    if (!isTensorhopError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}
