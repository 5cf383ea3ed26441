import { runService } from '@tensorhop/protocol';
import { createServer, loadPreprocessorConfig } from './server.js';

await runService(() => createServer(loadPreprocessorConfig()));
