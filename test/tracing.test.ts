/**
 * Tracing across hops on the real stack (`tensorhop up`: gateway, downloader, preprocessor and the
 * MNIST model as processes) exporting to a small OTLP/HTTP receiver on loopback: one hybrid
 * request through the gateway is one trace whose spans cover gateway → downloader → preprocessor
 * → model, each stage's server span the child of the client span that called it; the caller's
 * traceparent keeps its trace id, comes back in the reply, and is the trace_id of every log line.
 * TF Serving's predict route takes part as well.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeInferResponse, type InferResponse, type StringTensor } from '@tensorhop/protocol';
import { startDigitOrigin, type DigitOrigin } from './helpers/digit-origin.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './helpers/otlp-receiver.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const SERVER = 2;
const CLIENT = 3;

/**
 * The spans of one request, in the order they call each other. In the local stack the stages'
 * hops go through the gateway's pool routes too, so each hop passes a gateway span pair.
 */
const CHAIN = [
  ['gateway', 'gateway downloader', SERVER],
  ['gateway', 'hop downloader', CLIENT],
  ['downloader', 'downloader infer', SERVER],
  ['downloader', 'hop preprocessor', CLIENT],
  ['gateway', 'gateway preprocessor', SERVER],
  ['gateway', 'hop preprocessor', CLIENT],
  ['preprocessor', 'preprocessor infer', SERVER],
  ['preprocessor', 'hop model', CLIENT],
  ['gateway', 'gateway model', SERVER],
  ['gateway', 'hop model', CLIENT],
  ['model', 'model infer', SERVER],
] as const;

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('tracing across hops, exported over OTLP', { timeout: 240_000 }, () => {
  let receiver: OtlpReceiver;
  let origin: DigitOrigin;
  let stack: StackProcess;

  before(async () => {
    receiver = await startOtlpReceiver();
    origin = await startDigitOrigin(1);
    stack = await startStackProcess(27080, {
      TENSORHOP_LOG_LEVEL: 'info',
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
      TENSORHOP_DOWNLOADER_RETRIES: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: '',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    });
  });

  after(async () => {
    const code = await stack?.stop();
    await origin?.close();
    await receiver?.close();
    assert.equal(code, 0);
  });

  /** Hybrid sequencing through the gateway: one good digit and one missing image. */
  async function classify(headers: Record<string, string>) {
    const digit = origin.digits[0]!;
    const body = {
      infer: {
        inputTensors: [
          {
            type: 'STRING',
            shape: ['2'],
            stringVal: [b64(origin.base + digit.path), b64(`${origin.base}/none.png`)],
          },
        ],
        keys: ['digit', 'missing'],
        route: { next: [{ target: 'preprocessor' }, { target: 'model' }], mode: 'EXACT' },
      },
    };
    const res = await fetch(`${stack.urls.gateway}/v1/downloader`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    const reply: InferResponse = decodeInferResponse(new Uint8Array(await res.arrayBuffer()), 'json');
    assert.deepEqual(reply.keys, ['digit']);
    assert.deepEqual(
      reply.errors.map((e) => [e.key, e.code]),
      [['missing', 'DOWNLOAD_HTTP_STATUS']],
    );
    const classes = reply.outputs[reply.outputNames.indexOf('classes')] as StringTensor;
    assert.equal(Buffer.from(classes.strings[0]!).toString(), digit.label);
    return { res, reply };
  }

  /** The request's spans in CHAIN order, once all have arrived; checks the parent links. */
  async function chainOf(traceId: string, rootParent: string): Promise<ReceivedSpan[]> {
    await receiver.waitFor((s) => s.filter((x) => x.traceId === traceId).length >= CHAIN.length);
    // A little longer: a span too many would show up now.
    await new Promise((r) => setTimeout(r, 500));
    const mine = receiver.spans.filter((s) => s.traceId === traceId);
    const names = mine.map((s) => `${s.service}: ${s.name} ${s.spanId} < ${s.parentSpanId}`);
    assert.equal(
      mine.length,
      CHAIN.length,
      `one span per stage call and per hop, no more: ${names.join('; ')}`,
    );
    const ordered = CHAIN.map(([service, name, kind]) => {
      const found = mine.filter((s) => s.service === service && s.name === name && s.kind === kind);
      assert.equal(found.length, 1, `${service}: ${name}`);
      return found[0]!;
    });
    assert.equal(ordered[0]!.parentSpanId, rootParent);
    for (let i = 1; i < ordered.length; i++) {
      assert.equal(
        ordered[i]!.parentSpanId,
        ordered[i - 1]!.spanId,
        `${ordered[i]!.name} is a child of ${ordered[i - 1]!.name}`,
      );
    }
    return ordered;
  }

  test("one hybrid request is one trace: the caller's trace id, every hop, parent links", async () => {
    const traceparent = `00-${TRACE}-${CALLER_SPAN}-01`;
    const { res, reply } = await classify({ traceparent, tracestate: 'tensorhop=test' });
    const chain = await chainOf(TRACE, CALLER_SPAN);
    const [downloader, toPreprocessor, preprocessor, toModel, model] = [2, 3, 6, 7, 10].map((i) => chain[i]);

    // Echoed: the same trace, with the span of the stage that answered, and the caller's tracestate.
    assert.equal(res.headers.get('traceparent'), `00-${TRACE}-${downloader!.spanId}-01`);
    assert.equal(res.headers.get('tracestate'), 'tensorhop=test');
    assert.equal(res.headers.get('x-trace-id'), TRACE);
    // StageTiming names the trace and the span of each stage call.
    assert.deepEqual(
      reply.trace.map((t) => [t.stage, t.traceId, t.spanId]),
      [
        ['downloader', TRACE, downloader!.spanId],
        ['preprocessor', TRACE, preprocessor!.spanId],
        ['model', TRACE, model!.spanId],
      ],
    );

    // What the spans carry: rows, bytes, row error codes, the hop and the HTTP status.
    const a = downloader!.attributes;
    assert.deepEqual(
      [
        a['tensorhop.rows_in'],
        a['tensorhop.rows_out'],
        a['tensorhop.row_errors'],
        a['tensorhop.error_codes'],
      ],
      [2, 1, 1, ['DOWNLOAD_HTTP_STATUS']],
    );
    assert.equal(a['http.response.status_code'], 200);
    assert.equal(a['tensorhop.bytes_out'], reply.trace[0]!.bytesOut);
    assert.ok(Number(a['tensorhop.bytes_out']) > 0);
    const hop = toPreprocessor!.attributes;
    assert.deepEqual(
      [
        hop['tensorhop.hop'],
        hop['http.response.status_code'],
        hop['tensorhop.rows_in'],
        hop['tensorhop.rows_out'],
      ],
      ['preprocessor', 200, 1, 1],
    );
    assert.equal(toModel!.attributes['url.full'], `${stack.urls.gateway}/v1/model`);
    assert.equal(chain[9]!.attributes['tensorhop.hop'], 'model', "the gateway's client span names its pool");
    assert.deepEqual(
      [model!.attributes['tensorhop.rows_in'], model!.attributes['tensorhop.rows_out']],
      [1, 1],
    );
    assert.ok(
      [downloader, toPreprocessor, preprocessor, toModel, model].every((s) => s!.status !== 2),
      'no span of a successful call is an error',
    );

    // Every service's log line for this request carries the trace id.
    const logged = new Map<string, string[]>();
    for (const line of stack.lines) {
      const at = line.indexOf('{"level"');
      if (at < 0) continue;
      const entry = JSON.parse(line.slice(at)) as { service?: string; msg?: string; trace_id?: string };
      if (entry.trace_id === TRACE)
        logged.set(entry.service ?? '', [...(logged.get(entry.service ?? '') ?? []), entry.msg ?? '']);
    }
    assert.deepEqual([...logged.keys()].sort(), ['downloader', 'gateway', 'model', 'preprocessor']);
  });

  test("TF Serving's predict takes the traceparent too, with a span under the gateway's", async () => {
    const trace = 'ab'.repeat(16);
    const digit = origin.digits[0]!;
    const res = await fetch(`${stack.urls.gateway}/v1/models/mnist:predict`, {
      method: 'POST',
      headers: { traceparent: `00-${trace}-${CALLER_SPAN}-01` },
      body: JSON.stringify({ instances: [{ b64: digit.body.toString('base64') }] }),
    });
    assert.equal(res.status, 200);
    const { predictions } = (await res.json()) as { predictions: unknown[] };
    assert.equal(predictions.length, 1);
    await receiver.waitFor((s) => s.filter((x) => x.traceId === trace).length >= 3);
    const spans = receiver.spans.filter((s) => s.traceId === trace);
    const server = spans.find((s) => s.service === 'model' && s.name === 'model tfserving POST');
    const hop = spans.find((s) => s.service === 'gateway' && s.name === 'hop model');
    assert.equal(server?.parentSpanId, hop?.spanId);
    assert.equal(server?.attributes['http.response.status_code'], 200);
    assert.equal(res.headers.get('traceparent'), `00-${trace}-${server?.spanId}-01`);
  });

  test('a request without a traceparent starts a new trace at the gateway and says which', async () => {
    const { res, reply } = await classify({});
    const traceId = res.headers.get('x-trace-id') ?? '';
    assert.match(traceId, /^[0-9a-f]{32}$/);
    assert.notEqual(traceId, TRACE);
    const spans = await chainOf(traceId, '');
    assert.equal(res.headers.get('traceparent'), `00-${traceId}-${spans[2]!.spanId}-01`);
    assert.deepEqual(
      reply.trace.map((t) => t.traceId),
      [traceId, traceId, traceId],
    );
    assert.equal(receiver.rejected, 0);
  });
});
