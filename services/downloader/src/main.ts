import { runService } from '@tensorhop/protocol';
import { createServer, loadDownloaderConfig } from './server.js';

await runService(() => createServer(loadDownloaderConfig()));
