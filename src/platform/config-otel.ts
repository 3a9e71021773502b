// OpenTelemetry's own variables for traces (decision 039): read with the rest of the configuration
// (config.ts spreads TRACING_SETTINGS into its schema), in OpenTelemetry's meaning of each.
import { z } from 'zod';
import type { Config } from './config.ts';

/** `key=value` pairs separated by commas, values percent-encoded (OpenTelemetry's header format). */
const OtlpHeaders = z.string().transform((value, ctx): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const pair of value.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = pair.slice(0, Math.max(at, 0)).trim().toLowerCase();
    let text: string | undefined;
    try {
      text = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      text = undefined;
    }
    if (at < 1 || !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(key) || text === undefined || /[\r\n]/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'Use key=value pairs separated by commas.' });
      return z.NEVER;
    }
    headers[key] = text;
  }
  return headers;
});

export const TRACING_SETTINGS = {
  /** The collector's OTLP/HTTP base address (`/v1/traces` is added); traces are exported when set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The full address traces are sent to, instead of the base address's `/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  /** Headers every export carries (a collector's API key), `key=value,…`. */
  OTEL_EXPORTER_OTLP_HEADERS: OtlpHeaders.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(200).default('bazaar'),
  /** The share of traces started here that are kept; a caller's or a publisher's decision is followed. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
};

type TracingConfig = Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>;

/** Where traces go, or null when tracing is off (neither endpoint set). */
export function tracesEndpoint(config: TracingConfig): string | null {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
}
