import { runService } from '@tensorhop/kit';
import { createServer, loadPreprocessorConfig } from './server.js';

await runService(() => createServer(loadPreprocessorConfig()));
