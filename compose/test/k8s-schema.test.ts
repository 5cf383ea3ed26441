/**
 * Every object in compose/k8s against the Kubernetes OpenAPI schema of its kind and API version
 * (kubernetes-models' compiled validators, offline), and proof that the validator catches what it
 * should: a wrong type, a missing required field, an unknown kind.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { k8sDocs, ofKind, type Doc } from './deploy-files.js';
import { kubernetesErrors } from './schemas.js';

describe('compose/k8s against the Kubernetes OpenAPI schemas', () => {
  for (const doc of k8sDocs) {
    test(`${doc.kind} ${doc.metadata.name}`, async () => {
      assert.deepEqual(await kubernetesErrors(doc), []);
    });
  }

  test('the manifests hold the kinds the deployment needs', () => {
    const kinds = new Set(k8sDocs.map((d) => `${d.apiVersion} ${d.kind}`));
    for (const kind of [
      'apps/v1 Deployment',
      'v1 Service',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'v1 PersistentVolumeClaim',
      'v1 ConfigMap',
    ]) {
      assert.ok(kinds.has(kind), kind);
    }
  });

  test('the validator refuses a wrong type, a missing required field and an unknown kind', async () => {
    const deployment = structuredClone(ofKind('Deployment')[0] as Doc);
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    assert.match((await kubernetesErrors(deployment)).join('\n'), /containerPort must be integer/);

    const hpa = structuredClone(ofKind('HorizontalPodAutoscaler')[0] as Doc);
    const pods = hpa.spec.metrics.find((m: { type: string }) => m.type === 'Pods');
    delete pods.pods.target;
    assert.match(
      (await kubernetesErrors(hpa)).join('\n'),
      /metrics\/1\/pods must have required property target/,
    );

    assert.match(
      (await kubernetesErrors({ apiVersion: 'apps/v1', kind: 'Deploymnet' })).join(),
      /unknown kind/,
    );
    assert.match((await kubernetesErrors({ apiVersion: 'autoscaling/v9', kind: 'X' })).join(), /unknown API/);
  });
});
