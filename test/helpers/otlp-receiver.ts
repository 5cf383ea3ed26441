/**
 * A small OTLP/HTTP trace receiver on loopback: accepts `POST /v1/traces` in OTLP's JSON encoding
 * (the services export with OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and keeps every span with the
 * `service.name` of the resource that sent it. Protobuf exports (the default encoding) are
 * accepted and counted, not decoded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP span kind: 2 server, 3 client. */
  kind: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  status: number;
  attributes: Record<string, string | number | boolean | (string | number | boolean)[]>;
}

export interface OtlpReceiver {
  url: string;
  spans: ReceivedSpan[];
  /** Requests that were not OTLP on /v1/traces. */
  rejected: number;
  /** OTLP protobuf exports received (bytes of each). */
  protobuf: number[];
  /** Waits until `done(spans)` holds (polls), or throws after `timeoutMs`. */
  waitFor(done: (spans: ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

function plain(v: AnyValue): string | number | boolean | (string | number | boolean)[] {
  if (v.arrayValue) return (v.arrayValue.values ?? []).map((x) => plain(x) as string | number | boolean);
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.boolValue !== undefined) return v.boolValue;
  return v.stringValue ?? '';
}

const attributesOf = (list: KeyValue[] | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.key, plain(a.value)]));

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      spans?: (Omit<ReceivedSpan, 'service' | 'attributes' | 'status'> & {
        attributes?: KeyValue[];
        status?: { code?: number };
      })[];
    }[];
  }[];
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  let rejected = 0;
  const protobuf: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const type = req.headers['content-type'] ?? '';
      if (req.method === 'POST' && req.url === '/v1/traces' && type === 'application/x-protobuf') {
        protobuf.push(Buffer.concat(chunks).length);
        return void res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      }
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !type.includes('json')) {
        rejected++;
        return void res.writeHead(415).end();
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest;
      for (const rs of body.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '');
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              service,
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId ?? '',
              name: s.name,
              kind: s.kind,
              status: s.status?.code ?? 0,
              attributes: attributesOf(s.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    protobuf,
    get rejected() {
      return rejected;
    },
    async waitFor(done, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (!done(spans)) {
        if (Date.now() > until)
          throw new Error(`spans not received in ${timeoutMs} ms: ${JSON.stringify(spans, null, 1)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return spans;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
