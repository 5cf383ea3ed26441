/**
 * The compose healthchecks run: each service's `node -e` command, pointed at a live service-kit
 * server (its ports rewritten to where the test listens), exits 0 when /readyz answers 200 (and,
 * for the model, the gRPC port accepts connections) and 1 otherwise.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { DType } from '@tensorhop/protocol';
import { createService, loadConfig, serviceSchema, type Listening, type Service } from '@tensorhop/kit';
import { GRPC_PORT, PORTS } from './deploy-facts.js';
import { compose, composeUnits } from './deploy-files.js';

let service: Service;
let http: Listening;
let tcp: Server;
let tcpPort: number;

before(async () => {
  const config = loadConfig(serviceSchema('probe', 0), {
    prefix: 'TENSORHOP_PROBE_',
    env: {},
    explicit: { port: 0, logLevel: 'silent' },
  });
  const io = [{ name: 'x', shape: [-1], type: DType.FLOAT32 }];
  service = createService({
    stage: {
      name: 'probe',
      inputs: io,
      outputs: io,
      apply: async () => ({ outputs: {}, keys: [], errors: [] }),
    },
    config,
  });
  http = await service.listen();
  // Stands in for the model's gRPC listener: the healthcheck only connects.
  tcp = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  tcpPort = (tcp.address() as { port: number }).port;
});
after(async () => {
  await service.close();
  tcp.close();
});

/** Runs a healthcheck's script with its ports moved; resolves with the exit code. */
async function runCheck(script: string, httpPort: number, grpcPort: number): Promise<number> {
  const moved = script
    .replace(/127\.0\.0\.1:\d+/g, `127.0.0.1:${httpPort}`)
    .replace(`connect(${GRPC_PORT},`, `connect(${grpcPort},`);
  try {
    await promisify(execFile)(process.execPath, ['-e', moved], { timeout: 10_000 });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

test('every healthcheck passes against a ready service and fails when nothing answers', async () => {
  for (const u of composeUnits) {
    const [cmd, node, flag, script] = compose.services[u.name]?.healthcheck.test ?? [];
    assert.deepEqual([cmd, node, flag], ['CMD', 'node', '-e'], `${u.where}: a node script`);
    assert.equal(typeof script, 'string');
    assert.equal(await runCheck(script as string, http.port, tcpPort), 0, `${u.where}: healthy`);
    assert.equal(await runCheck(script as string, 1, tcpPort), 1, `${u.where}: HTTP down`);
    assert.match(script as string, new RegExp(`127\\.0\\.0\\.1:${PORTS[u.service]}/readyz`));
  }
});

test("the model's healthcheck fails when its gRPC port is closed", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  for (const u of composeUnits.filter((x) => x.service === 'model')) {
    const script = compose.services[u.name]?.healthcheck.test[3] ?? '';
    assert.equal(await runCheck(script, http.port, port), 1, `${u.where}: gRPC down`);
  }
});
