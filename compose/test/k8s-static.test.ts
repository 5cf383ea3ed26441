/**
 * compose/k8s, checked without a cluster: Deployments probe /readyz and /healthz on the port the
 * service listens on and read only environment names the code reads; every Deployment has an HPA
 * on CPU and on a custom metric its pods export, served by the Prometheus Adapter rules; the model
 * exposes and probes its gRPC port; only the gateway is a LoadBalancer; the gateway finds pods
 * through headless Services; the GPU Deployment asks for nvidia.com/gpu. (k8s-schema.test.ts
 * validates every manifest against the Kubernetes OpenAPI schemas.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { GRPC_PORT, IMAGES, PORTS, SERVICES, probePaths, read, type ServiceName } from './deploy-facts.js';
import {
  checkHops,
  checkUnit,
  composeUnits,
  containerOf,
  hopNames,
  k8sFiles,
  k8sServices,
  k8sUnits,
  ofKind,
  poolsOf,
  type Doc,
  type Unit,
} from './deploy-files.js';

describe('compose/k8s', () => {
  for (const u of k8sUnits) {
    test(`${u.where}: env names, port, host, image`, () => checkUnit(u));
  }

  test('every Deployment probes /readyz and /healthz on its container port, and has an HPA on CPU', () => {
    const hpas = ofKind('HorizontalPodAutoscaler');
    for (const d of ofKind('Deployment')) {
      const c = containerOf(d);
      const service = c.env.SERVICE as ServiceName;
      const port = PORTS[service];
      assert.equal(c.named.http, port, `${d.metadata.name}: containerPort http`);
      assert.deepEqual(
        c.ports,
        service === 'model' ? [port, GRPC_PORT] : [port],
        `${d.metadata.name}: containerPorts`,
      );
      assert.deepEqual(c.readiness, ['/readyz', port], `${d.metadata.name}: readiness`);
      assert.deepEqual(c.liveness, ['/healthz', port], `${d.metadata.name}: liveness`);
      for (const p of ['/readyz', '/healthz'])
        assert.ok(probePaths(service).includes(p), `${service} answers ${p}`);
      assert.ok(c.resources.requests?.cpu, `${d.metadata.name}: a CPU request (the HPA scales on it)`);
      const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      assert.equal(hpa?.apiVersion, 'autoscaling/v2', `${d.metadata.name}: HPA`);
      assert.equal(hpa?.spec.scaleTargetRef.kind, 'Deployment');
      assert.equal(hpa?.spec.metrics[0].resource.name, 'cpu');
    }
    for (const s of SERVICES)
      assert.ok(
        k8sUnits.some((u) => u.service === s),
        `a Deployment for ${s}`,
      );
  });

  test('model pods expose the gRPC port, are started only once it accepts connections, and Services carry it', () => {
    const models = ofKind('Deployment').filter((d) => containerOf(d).env.SERVICE === 'model');
    assert.deepEqual(
      models.map((d) => d.metadata.name),
      ['model-gpu', 'model'],
    );
    for (const d of models) {
      const c = containerOf(d);
      assert.equal(c.named.grpc, GRPC_PORT, `${d.metadata.name}: containerPort grpc`);
      assert.deepEqual(c.startup, ['tcp', GRPC_PORT], `${d.metadata.name}: startup probe on gRPC`);
      assert.equal(
        c.env.TENSORHOP_MODEL_GRPC_PORT,
        undefined,
        `${d.metadata.name}: the default gRPC port applies`,
      );
    }
    for (const name of ['model', 'model-pods']) {
      const ports = (k8sServices.get(name)?.spec.ports ?? []) as {
        name: string;
        port: number;
        targetPort: number;
      }[];
      const grpc = ports.find((p) => p.name === 'grpc');
      assert.deepEqual([grpc?.port, grpc?.targetPort], [GRPC_PORT, GRPC_PORT], `Service ${name}: grpc port`);
    }
  });

  test('only the gateway is a LoadBalancer; every Service selects pods and targets their port', () => {
    for (const [name, svc] of k8sServices) {
      assert.equal(svc.spec.type, name === 'gateway' ? 'LoadBalancer' : 'ClusterIP', `${name}: type`);
      const pods = ofKind('Deployment').filter((d) =>
        Object.entries(svc.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      );
      assert.ok(pods.length > 0, `${name} selects pods`);
      for (const d of pods) {
        for (const p of svc.spec.ports as { name: string; targetPort: number }[]) {
          assert.equal(containerOf(d).named[p.name], p.targetPort, `${name}: ${p.name} targetPort`);
        }
      }
    }
  });

  test("the gateway's pools are headless Services; hops name Services on their ports", () => {
    const gateway = k8sUnits.find((u) => u.service === 'gateway') as Unit;
    const pools = poolsOf(gateway.env);
    for (const pool of pools) {
      for (const d of pool.dns) {
        const svc = k8sServices.get(d.host);
        assert.equal(svc?.spec.clusterIP, 'None', `pool ${pool.name}: ${d.host} is headless`);
        assert.equal(svc?.spec.ports[0].port, d.port, `pool ${pool.name}: port`);
        assert.equal(d.port, PORTS[pool.name as ServiceName]);
      }
    }
    const portOf = (host: string) => k8sServices.get(host)?.spec.ports[0].port as number | undefined;
    for (const u of k8sUnits) checkHops(u, portOf, new Set(pools.map((p) => p.name)));
  });

  test('each stage has the same hop names and default next as in compose', () => {
    const hopsOf = (u: Unit) => [u.env[`TENSORHOP_${u.service.toUpperCase()}_NEXT`] ?? '', hopNames(u.env)];
    for (const u of k8sUnits.filter((x) => x.service !== 'gateway')) {
      const twin = composeUnits.find((c) => c.service === u.service);
      assert.ok(twin, `${u.where}: a compose service runs ${u.service}`);
      assert.deepEqual(hopsOf(u), hopsOf(twin), `${u.where}: hops as in ${twin.where}`);
    }
  });

  test('the GPU Deployment requests nvidia.com/gpu and runs the GPU image with the tensorflow backend', () => {
    const gpu = ofKind('Deployment').filter(
      (d) => containerOf(d).resources.limits?.['nvidia.com/gpu'] !== undefined,
    );
    assert.equal(gpu.length, 1);
    const c = containerOf(gpu[0] as Doc);
    assert.equal(c.resources.requests?.['nvidia.com/gpu'], 1);
    assert.equal(c.image, IMAGES.gpu);
    assert.equal(c.env.TENSORHOP_MODEL_BACKEND, 'tensorflow');
    const claims = ofKind('PersistentVolumeClaim').map((p) => p.metadata.name);
    for (const v of (gpu[0] as Doc).spec.template.spec.volumes) {
      if (v.persistentVolumeClaim) assert.ok(claims.includes(v.persistentVolumeClaim.claimName));
    }
  });

  test('kustomization lists every manifest', () => {
    const k = parse(read('compose/k8s/kustomization.yaml')) as { resources: string[] };
    assert.deepEqual([...k.resources].sort(), k8sFiles.filter((f) => f !== 'kustomization.yaml').sort());
  });
});
