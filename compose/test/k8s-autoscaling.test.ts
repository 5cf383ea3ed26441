/**
 * Autoscaling in compose/k8s: every Deployment's HPA scales on CPU and on a per-pod custom metric;
 * the Prometheus Adapter rules (prometheus-adapter.yaml) serve that metric from a series the
 * service really exports on /metrics; Prometheus is told to scrape each pod's /metrics.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { metricNames, probePaths, type ServiceName } from './deploy-facts.js';
import { containerOf, ofKind, type Doc } from './deploy-files.js';

interface AdapterRule {
  seriesQuery: string;
  resources: { overrides: Record<string, { resource: string }> };
  name: { matches: string; as: string };
  metricsQuery: string;
}

const adapter = ofKind('ConfigMap').find((c) => c.metadata.name === 'tensorhop-prometheus-adapter') as
  { data?: Record<string, string> } | undefined;
const adapterConfig = parse(adapter?.data?.['config.yaml'] ?? '') as { rules?: AdapterRule[] } | null;
const rules = adapterConfig?.rules ?? [];

/** The Prometheus series a rule reads: the metric name its seriesQuery selects. */
const seriesOf = (rule: AdapterRule): string => /^'?([a-zA-Z_:][\w:]*)\{/.exec(rule.seriesQuery)?.[1] ?? '';

const hpaOf = (d: Doc): Doc | undefined =>
  ofKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === d.metadata.name);

describe('autoscaling on in-flight work', () => {
  test('the adapter rules map series to pods and name the metric they serve', () => {
    assert.ok(adapter, 'a ConfigMap tensorhop-prometheus-adapter');
    assert.ok(rules.length >= 2, 'rules for the stages and the gateway');
    for (const rule of rules) {
      const series = seriesOf(rule);
      assert.match(series, /^tensorhop_/, `rule ${rule.name.as}: reads a tensorhop series`);
      assert.match(
        series,
        new RegExp(rule.name.matches),
        `rule ${rule.name.as}: its name pattern matches ${series}`,
      );
      assert.deepEqual(rule.resources.overrides.pod, { resource: 'pod' }, `rule ${rule.name.as}: per pod`);
      assert.deepEqual(rule.resources.overrides.namespace, { resource: 'namespace' });
      assert.match(rule.metricsQuery, /<<\.Series>>\{<<\.LabelMatchers>>\}.*by \(<<\.GroupBy>>\)/);
    }
  });

  for (const d of ofKind('Deployment')) {
    test(`${d.metadata.name}: HPA on CPU and on a custom metric its pods export`, async () => {
      const c = containerOf(d);
      const service = c.env.SERVICE as ServiceName;
      const hpa = hpaOf(d);
      assert.ok(hpa, 'has an HPA');
      const types = hpa.spec.metrics.map((m: { type: string }) => m.type);
      assert.deepEqual(types, ['Resource', 'Pods']);
      assert.equal(hpa.spec.metrics[0].resource.name, 'cpu');
      const pods = hpa.spec.metrics[1].pods;
      assert.equal(pods.target.type, 'AverageValue');
      assert.ok(Number(pods.target.averageValue) > 0, 'a positive target per pod');
      const rule = rules.find((r) => r.name.as === pods.metric.name);
      assert.ok(rule, `an adapter rule serves ${pods.metric.name}`);
      const exported = await metricNames(service);
      assert.ok(exported.has(seriesOf(rule)), `${service} exports ${seriesOf(rule)} on /metrics`);
      if (service !== 'gateway') assert.equal(seriesOf(rule), 'tensorhop_inflight_rows');
      assert.deepEqual(
        c.annotations,
        {
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(c.named.http),
          'prometheus.io/path': '/metrics',
        },
        'Prometheus scrapes the pod',
      );
      assert.ok(probePaths(service).includes('/metrics'), `${service} answers /metrics`);
    });
  }
});
