import { runService } from '@tensorhop/protocol';
import { createServer, loadModelConfig } from './server.js';

await runService(() => createServer(loadModelConfig()));
