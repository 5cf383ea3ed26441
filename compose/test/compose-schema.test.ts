/**
 * compose/docker-compose.yml against the Compose Specification's JSON schema (ajv, offline), and
 * proof that the validator catches what it should: a copy with a typo'd key, a wrong type or an
 * unknown top-level section fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compose } from './deploy-files.js';
import { composeErrors } from './schemas.js';

test('docker-compose.yml is valid under the Compose Specification schema', () => {
  assert.deepEqual(composeErrors(compose), []);
});

test('the schema refuses a misspelt service key, a wrong type and an unknown section', () => {
  const copy = () =>
    structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
  const typo = copy();
  typo.services.model = { ...typo.services.model, helthcheck: typo.services.model?.healthcheck };
  assert.match(
    composeErrors(typo).join('\n'),
    /\/services\/model must NOT have additional properties.*helthcheck/,
  );

  const wrongType = copy();
  wrongType.services.downloader = { ...wrongType.services.downloader, deploy: { replicas: [2] } };
  assert.match(composeErrors(wrongType).join('\n'), /\/services\/downloader\/deploy\/replicas/);

  const unknown = { ...copy(), servicez: {} };
  assert.match(composeErrors(unknown).join('\n'), /additional properties.*servicez/);
});
