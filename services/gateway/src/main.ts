/** `npm run start -w services/gateway`: the gateway from `TENSORHOP_GATEWAY_*`. */
import { runService } from '@tensorhop/kit';
import { loadGatewayConfig } from './config.js';
import { createServer } from './server.js';

await runService(() => createServer(loadGatewayConfig()));
