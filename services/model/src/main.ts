import { runService } from '@tensorhop/kit';
import { createServer, loadModelConfig } from './server.js';

await runService(() => createServer(loadModelConfig()));
