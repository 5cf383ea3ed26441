/**
 * No unknown fields in compose/k8s (a misspelt `readinesProbe` would pass the OpenAPI validators
 * and be dropped by the API server), and proof that the check finds them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { k8sDocs, ofKind, type Doc } from './deploy-files.js';
import { unknownFields } from './k8s-fields.js';

test('every object in compose/k8s has only fields its kind defines', () => {
  assert.deepEqual(unknownFields(k8sDocs), []);
});

test('a misspelt field deep in a Deployment, HPA or Service is found and named', () => {
  const deployment = structuredClone(ofKind('Deployment')[0] as Doc);
  const container = deployment.spec.template.spec.containers[0];
  container.readinesProbe = container.readinessProbe;
  const hpa = structuredClone(ofKind('HorizontalPodAutoscaler')[0] as Doc);
  hpa.spec.metrics[1].pods.metric.nme = 'x';
  const service = structuredClone(ofKind('Service')[0] as Doc);
  service.spec.clusterIp = 'None';
  const found = unknownFields([deployment, hpa, service]);
  assert.equal(found.length, 3, found.join('\n'));
  assert.match(
    found[0] ?? '',
    new RegExp(`^Deployment ${deployment.metadata.name}: .*"readinesProbe".*'Container'`),
  );
  assert.match(found[1] ?? '', /^HorizontalPodAutoscaler .*"nme"/);
  assert.match(found[2] ?? '', /^Service .*"clusterIp".*'ServiceSpec'/);
  assert.match(
    unknownFields([{ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }]).join(),
    /Deploymnet/,
  );
});
