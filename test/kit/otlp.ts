import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as an OTLP/HTTP JSON export carries it, attributes flattened to plain values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, unknown>;
  status: { code?: number; message?: string };
  events: { name: string; attributes: Record<string, unknown> }[];
  links: { traceId: string; spanId: string }[];
  /** The exporting resource's attributes (`service.name`…). */
  resource: Record<string, unknown>;
}

export interface OtlpReceiver {
  /** The base address, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (`/v1/traces` is where spans land). */
  url: string;
  /** Every span received so far. */
  spans(): ReceivedSpan[];
  /** Every export's raw body, as sent (to search for what must never be sent). */
  bodies(): string[];
  /** The headers of each export. */
  headers(): http.IncomingHttpHeaders[];
  clear(): void;
  close(): Promise<void>;
}

type AnyValue = {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };

function plainValue(v: AnyValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plainValue);
  return undefined;
}

function flat(list: KeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, plainValue(kv.value)]));
}

interface ExportBody {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { spans?: Array<Record<string, unknown>> }[];
  }[];
}

function decode(body: ExportBody): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((rs) =>
    (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        traceId: String(s.traceId),
        spanId: String(s.spanId),
        parentSpanId: String(s.parentSpanId ?? ''),
        name: String(s.name),
        kind: Number(s.kind),
        attributes: flat(s.attributes as KeyValue[]),
        status: (s.status ?? {}) as ReceivedSpan['status'],
        events: ((s.events ?? []) as { name: string; attributes?: KeyValue[] }[]).map((e) => ({
          name: e.name,
          attributes: flat(e.attributes),
        })),
        links: ((s.links ?? []) as { traceId: string; spanId: string }[]).map((l) => ({
          traceId: String(l.traceId),
          spanId: String(l.spanId),
        })),
        resource: flat(rs.resource?.attributes),
      })),
    ),
  );
}

/**
 * A collector on loopback that takes OTLP/HTTP JSON trace exports at `/v1/traces` (as Jaeger,
 * Tempo or the OpenTelemetry Collector do on 4318) and keeps what it was sent.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  let spans: ReceivedSpan[] = [];
  let bodies: string[] = [];
  let headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      bodies.push(text);
      headers.push(req.headers);
      try {
        spans.push(...decode(JSON.parse(text) as ExportBody));
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...spans],
    bodies: () => [...bodies],
    headers: () => [...headers],
    clear() {
      spans = [];
      bodies = [];
      headers = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
