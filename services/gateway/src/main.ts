/** `npm run start -w services/gateway`: the gateway from `TENSORHOP_GATEWAY_*`. */
import { loadGatewayConfig } from './config.js';
import { runGateway } from './run.js';
import { createServer } from './server.js';

await runGateway(() => createServer(loadGatewayConfig()));
