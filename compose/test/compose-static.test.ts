/**
 * compose/docker-compose.yml and the Dockerfiles, checked without Docker: they parse, and every
 * image, port, environment name, probe path, hop URL and command they use is one the code has.
 * (compose-schema.test.ts validates the file against the Compose Specification's schema.)
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { SERVICE_NODE_FLAGS } from '@tensorhop/kit';
import {
  GRPC_PORT,
  IMAGES,
  PORTS,
  ROOT,
  ROOT_SCRIPTS,
  exists,
  probePaths,
  read,
  type ServiceName,
} from './deploy-facts.js';
import {
  checkHops,
  checkUnit,
  compose,
  composeNames,
  composeUnits,
  isService,
  k8sUnits,
  networksOf,
  poolsOf,
  type ComposeService,
} from './deploy-files.js';

const serviceOf = (name: string) => compose.services[name] as ComposeService;

describe('compose/docker-compose.yml', () => {
  for (const u of composeUnits) {
    test(`${u.where}: env names, port, host, image`, () => checkUnit(u));
  }

  test('only the gateway is published; stages are replicated on the internal network', () => {
    assert.deepEqual(
      serviceOf('gateway').ports?.map((p) => p.split(':').pop()),
      [String(PORTS.gateway)],
    );
    assert.equal(compose.networks.internal?.internal, true);
    for (const [name, s] of Object.entries(compose.services)) {
      assert.ok(networksOf(s).includes('internal'), `${name} is on the internal network`);
      if (name === 'gateway') continue;
      assert.equal(s.ports, undefined, `${name} publishes no port`);
      assert.ok((s.deploy?.replicas ?? 0) >= (s.profiles ? 1 : 2), `${name} has deploy.replicas`);
    }
  });

  test('healthchecks ask each service for /readyz on its own port', () => {
    for (const u of composeUnits) {
      const url = /http:\/\/127\.0\.0\.1:(\d+)(\/\w+)/.exec(serviceOf(u.name).healthcheck.test.join(' '));
      assert.equal(Number(url?.[1]), PORTS[u.service], `${u.where}: healthcheck port`);
      assert.equal(url?.[2], '/readyz', `${u.where}: healthcheck path`);
      assert.ok(probePaths(u.service).includes('/readyz'), `${u.service} answers /readyz`);
    }
  });

  test('model replicas expose HTTP and the gRPC port, and their healthcheck connects to both', () => {
    const models = composeUnits.filter((u) => u.service === 'model');
    assert.deepEqual(
      models.map((u) => u.name),
      ['model', 'model-gpu'],
    );
    for (const u of models) {
      const s = serviceOf(u.name);
      assert.deepEqual(s.expose, [String(PORTS.model), String(GRPC_PORT)], `${u.where}: expose`);
      const test = s.healthcheck.test.join(' ');
      assert.equal(
        Number(/connect\((\d+), '127\.0\.0\.1'/.exec(test)?.[1]),
        GRPC_PORT,
        `${u.where}: gRPC check`,
      );
      assert.equal(u.env.TENSORHOP_MODEL_GRPC_PORT, undefined, `${u.where}: the default gRPC port applies`);
    }
    for (const u of composeUnits.filter((x) => x.service !== 'model')) {
      assert.equal(serviceOf(u.name).expose, undefined, `${u.where}: nothing more to expose`);
    }
  });

  test("the gateway's pools are compose services on their ports; hops go through the gateway", () => {
    const pools = poolsOf(serviceOf('gateway').environment);
    assert.deepEqual(pools.map((p) => p.name).sort(), ['downloader', 'model', 'preprocessor']);
    for (const pool of pools) {
      for (const d of pool.dns) {
        assert.ok(composeNames.has(d.host), `pool ${pool.name}: ${d.host} is a compose service`);
        assert.equal(d.port, PORTS[pool.name as ServiceName], `pool ${pool.name}: port`);
      }
    }
    const portOf = (host: string) => (isService(host) ? PORTS[host] : undefined);
    for (const u of composeUnits) checkHops(u, portOf, new Set(pools.map((p) => p.name)));
  });

  test('the model repository is a volume where TENSORHOP_MODEL_REPOSITORY points', () => {
    for (const u of composeUnits.filter((x) => x.service === 'model')) {
      const [source, target, mode] = (serviceOf(u.name).volumes?.[0] ?? '').split(':');
      assert.ok(exists(path.join('compose', source ?? '')), `${u.where}: ${source} exists next to compose/`);
      assert.equal(target, u.env.TENSORHOP_MODEL_REPOSITORY);
      assert.equal(mode, 'ro');
    }
    const gpu = serviceOf('model-gpu');
    assert.equal(gpu.image, IMAGES.gpu);
    assert.equal(gpu.environment.TENSORHOP_MODEL_BACKEND, 'tensorflow');
    assert.deepEqual(gpu.deploy?.resources?.reservations?.devices?.[0]?.capabilities, ['gpu']);
  });

  test('builds name Dockerfiles that exist, from the repository root', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      assert.ok(s.build, `${name} can be built`);
      assert.equal(path.resolve(ROOT, 'compose', s.build.context), ROOT);
      assert.ok(exists(s.build.dockerfile), `${name}: ${s.build.dockerfile}`);
      assert.equal(s.image, s.build.dockerfile.endsWith('.gpu') ? IMAGES.gpu : IMAGES.cpu, `${name}: image`);
    }
  });
});

// ---- Dockerfiles --------------------------------------------------------------------------------

interface Instruction {
  op: string;
  args: string;
}

function instructions(file: string): Instruction[] {
  return read(file)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => ({
      op: (l.split(/\s+/)[0] as string).toUpperCase(),
      args: l.slice(l.indexOf(' ') + 1).trim(),
    }));
}

const SHELL_TOOLS = new Set(['rm', 'ln', 'apt-get', 'groupadd', 'useradd', 'test', 'mkdir', 'chown']);

/** A RUN command: an npm script that exists, node on a file that exists, or a plain shell tool. */
function checkCommand(command: string, file: string): void {
  const [tool, sub, arg] = command.trim().split(/\s+/);
  if (tool === 'npm') {
    if (sub === 'run') assert.ok(ROOT_SCRIPTS[arg ?? ''], `${file}: npm run ${arg} is a root script`);
    else assert.ok(['ci', 'prune'].includes(sub ?? ''), `${file}: npm ${sub}`);
  } else if (tool === 'node') {
    if (sub !== '-e') assert.ok(exists(sub ?? ''), `${file}: node ${sub} exists`);
  } else {
    assert.ok(SHELL_TOOLS.has(tool ?? ''), `${file}: unexpected command ${tool}`);
  }
}

/**
 * `node <flags> services/$SERVICE/dist/main.js` runs what `npm run build` makes of each service's
 * src/main.ts, with the Node.js flags `tensorhop up` gives every service.
 */
function checkCmd(cmd: string, file: string): void {
  const line = (JSON.parse(cmd) as string[]).join(' ');
  const node = `node ${[...SERVICE_NODE_FLAGS, 'services/$SERVICE/dist/main.js'].join(' ')}`;
  assert.ok(line.includes(node), `${file}: CMD runs the chosen service as ${node}`);
  for (const u of [...composeUnits, ...k8sUnits]) {
    assert.ok(exists(`services/${u.service}/tsconfig.json`), `${file}: services/${u.service} builds`);
  }
}

for (const [file, base] of [
  ['compose/Dockerfile', 'node:20-bookworm-slim'],
  ['compose/Dockerfile.gpu', 'nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04'],
] as const) {
  describe(file, () => {
    const steps = instructions(file);

    test('multi-stage from the expected base, running as a non-root user', () => {
      const froms = steps.filter((s) => s.op === 'FROM').map((s) => s.args.split(/\s+/));
      assert.ok(froms.length >= 2, 'multi-stage');
      assert.ok(
        froms.some((f) => f[0] === base),
        `based on ${base}`,
      );
      const stages = new Set(froms.map((f) => f[2]).filter(Boolean));
      for (const s of steps.filter((x) => x.op === 'COPY' && x.args.startsWith('--from='))) {
        const from = /--from=(\S+)/.exec(s.args)?.[1] ?? '';
        assert.ok(stages.has(from) || from.includes(':'), `COPY --from=${from} is a stage or an image`);
      }
      assert.equal(steps.filter((s) => s.op === 'USER').at(-1)?.args, 'node');
    });

    test('EXPOSE lists the ports of the services it runs, with the model gRPC port', () => {
      const exposed = steps.filter((s) => s.op === 'EXPOSE').flatMap((s) => s.args.split(/\s+/).map(Number));
      const expected = file.endsWith('.gpu')
        ? [PORTS.model, GRPC_PORT]
        : [...Object.values(PORTS), GRPC_PORT];
      assert.deepEqual(exposed.sort(), expected.sort());
    });

    test('every command it runs is an npm script, a file that exists or a shell tool', () => {
      for (const run of steps.filter((s) => s.op === 'RUN')) {
        for (const command of run.args.split(/&&|;/)) checkCommand(command, file);
      }
      const cmd = steps.filter((s) => s.op === 'CMD').at(-1);
      assert.ok(cmd, 'has a CMD');
      checkCmd(cmd.args, file);
      assert.ok(exists(`${file}.dockerignore`), 'keeps node_modules and dist out of the context');
    });
  });
}

test('Dockerfile.gpu installs tfjs-node-gpu for the model and selects the tensorflow backend', () => {
  const text = read('compose/Dockerfile.gpu');
  assert.match(text, /TENSORHOP_MODEL_BACKEND=tensorflow/);
  assert.match(text, /@tensorflow\/tfjs-node-gpu/);
  const model = JSON.parse(read('services/model/package.json')) as Record<string, Record<string, string>>;
  assert.ok({ ...model.dependencies, ...model.optionalDependencies }['@tensorflow/tfjs-node-gpu']);
});
