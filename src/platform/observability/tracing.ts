// Traces of requests, SQL statements and jobs, exported over OTLP/HTTP when an endpoint is set
// (decision 039). Off, there is no tracer at all: every seam holds `null` and does nothing more
// than look at it. On, this server's provider, context manager and propagator are its own (never
// the process-wide globals), so several servers in one process trace apart.
import {
  type Attributes,
  type Context,
  defaultTextMapGetter,
  type Link,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { Config } from '../config.ts';
import { tracesEndpoint } from '../config-otel.ts';
import { safeError } from './logger.ts';

export { SpanKind };

export interface Tracing {
  readonly tracer: Tracer;
  /** The context of the work in hand (a request's, a job's); spans started under it are its children. */
  active(): Context;
  /** Runs `fn` (and whatever it awaits) in `context`. */
  with<T>(context: Context, fn: () => T): T;
  /** The context a W3C `traceparent` (and `tracestate`) continues; the root when there is none or it is malformed. */
  continued(carrier: Record<string, unknown>): Context;
  /** The `traceparent` of the span in hand, or null outside one (kept on the jobs it adds). */
  traceParent(): string | null;
  /** Runs `work` in a new span under the one in hand; an error is recorded on it and thrown on. */
  inSpan<T>(name: string, kind: SpanKind, attributes: Attributes, work: () => Promise<T>): Promise<T>;
  /** Sends what is buffered now. */
  flush(): Promise<void>;
  /** Sends what is buffered and stops (the server's close). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** The running version, as `service.version`. */
  version: string;
}

/** The server's tracing, or null when no OTLP endpoint is configured (nothing is registered then). */
export function createTracing(config: Config, options: TracingOptions): Tracing | null {
  const url = tracesEndpoint(config);
  if (!url) return null;
  const exporter = new OTLPTraceExporter({ url, headers: config.OTEL_EXPORTER_OTLP_HEADERS ?? {} });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': config.OTEL_SERVICE_NAME,
      'service.version': options.version,
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG) }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const contexts = new AsyncLocalStorageContextManager().enable();
  const propagator = new W3CTraceContextPropagator();
  const tracer = provider.getTracer('bazaar', options.version);
  const tracing: Tracing = {
    tracer,
    active: () => contexts.active(),
    with: (context, fn) => contexts.with(context, fn),
    continued: (carrier) => propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter),
    traceParent() {
      const span = trace.getSpan(contexts.active());
      return span ? traceParentOf(span) : null;
    },
    async inSpan(name, kind, attributes, work) {
      const parent = contexts.active();
      const span = tracer.startSpan(name, { kind, attributes }, parent);
      try {
        return await contexts.with(trace.setSpan(parent, span), work);
      } catch (error) {
        recordError(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      contexts.disable();
    },
  };
  return tracing;
}

/** A span's W3C `traceparent`: version 00, trace id, span id, flags. */
export function traceParentOf(span: Span): string | null {
  const c = span.spanContext();
  if (!trace.isSpanContextValid(c)) return null;
  return `00-${c.traceId}-${c.spanId}-${(c.traceFlags & TraceFlags.SAMPLED) === 1 ? '01' : '00'}`;
}

/**
 * Marks a span failed with the error's type and message, without what can carry personal data or
 * a statement's values (the logger's `safeError` drops those fields and masks email addresses).
 */
export function recordError(span: Span, error: unknown): void {
  const safe = safeError(error) as { type?: string; message?: string; stack?: string } | string;
  const message = typeof safe === 'object' && safe ? (safe.message ?? '') : String(safe);
  span.recordException({
    name: typeof safe === 'object' && safe ? (safe.type ?? 'Error') : 'Error',
    message,
    ...(typeof safe === 'object' && safe?.stack ? { stack: safe.stack } : {}),
  });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** What a job's span needs to know of it. */
export interface TracedJob {
  id: string;
  queue: string;
  attempt: number;
  storeId: string | null;
  /** The `traceparent` of whatever added it (a request, another job), if it was traced. */
  traceParent: string | null;
}

/** A job run's span and the context its work runs in. */
export interface JobSpan {
  context: Context;
  /** A batch whose handler named some of its jobs failed ends `failed`. */
  end(outcome: 'succeeded' | 'retried' | 'dead' | 'failed', error?: unknown): void;
}

/**
 * The span of one job run, a child of the span that added the job (same trace), or of a batch of
 * jobs, linked to each of theirs.
 */
export function startJobSpan(tracing: Tracing, jobs: TracedJob[]): JobSpan {
  const first = jobs[0]!;
  const single = jobs.length === 1;
  const parent = single ? tracing.continued({ traceparent: first.traceParent }) : ROOT_CONTEXT;
  const links: Link[] = single
    ? []
    : jobs.flatMap((job) => {
        const linked = trace.getSpanContext(tracing.continued({ traceparent: job.traceParent }));
        return linked ? [{ context: linked }] : [];
      });
  const attributes: Attributes = {
    'messaging.system': 'bazaar.jobs',
    'messaging.operation.type': 'process',
    'messaging.destination.name': first.queue,
    ...(single
      ? { 'messaging.message.id': first.id, 'bazaar.job.attempt': first.attempt }
      : { 'messaging.batch.message_count': jobs.length }),
    ...(single && first.storeId ? { 'bazaar.store.id': first.storeId } : {}),
  };
  const span = tracing.tracer.startSpan(
    `job ${first.queue}`,
    { kind: SpanKind.CONSUMER, attributes, links },
    parent,
  );
  return {
    context: trace.setSpan(parent, span),
    end(outcome, error) {
      span.setAttribute('bazaar.job.outcome', outcome);
      if (error !== undefined) recordError(span, error);
      span.end();
    },
  };
}
