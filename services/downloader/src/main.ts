import { runService } from '@tensorhop/kit';
import { createServer, loadDownloaderConfig } from './server.js';

await runService(() => createServer(loadDownloaderConfig()));
