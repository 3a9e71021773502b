import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

/**
 * Personal data and secrets never reach the log: these fields are censored wherever a logged object
 * carries them (at the top or one level down), and errors go through `safeError`.
 */
const REDACTED_FIELDS = [
  'password',
  'token',
  'refreshToken',
  'accessToken',
  'email',
  'phone',
  'to',
  'address',
  'shippingAddress',
  'billingAddress',
];

/** Error properties that carry the values of a failed statement or message (pg's `detail`, SMTP's `rejected`). */
const UNSAFE_ERROR_FIELDS = [
  'detail',
  'where',
  'hint',
  'internalQuery',
  'parameters',
  'query',
  'response',
  'rejected',
  'rejectedErrors',
  'accepted',
  'envelope',
];

const EMAIL = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+\.[A-Za-z]{2,}/g;

/** pino's error serializer, minus the properties and addresses that would put personal data in the log. */
export function safeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrub(serialized);
}

function scrub(serialized: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (UNSAFE_ERROR_FIELDS.includes(key)) continue;
    if (typeof value === 'string') out[key] = value.replace(EMAIL, '[email]');
    else if (key === 'cause' && value && typeof value === 'object')
      out[key] = scrub(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY'>,
  destination?: DestinationStream,
): Logger {
  const pretty =
    !destination && (config.LOG_PRETTY ?? (process.stdout.isTTY === true && process.env.CI !== 'true'));
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: 'bazaar' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        ...REDACTED_FIELDS,
        ...REDACTED_FIELDS.map((f) => `*.${f}`),
      ],
      censor: '[redacted]',
    },
    serializers: { err: safeError, error: safeError },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
  if (destination) return pino(options, destination);
  return pretty ? pino(options) : pino(options, bufferedStdout());
}

/** The buffered standard outputs of this process's loggers. */
const buffered = new Set<ReturnType<typeof pino.destination>>();

/** Writes out what the loggers hold, so what is printed next on standard output comes after it. */
export function flushLogs(): void {
  for (const stream of buffered) stream.flushSync();
}

/** Lines written to standard output at most this long after they are logged. */
const FLUSH_MS = 1000;

/**
 * Standard output in blocks of 4 KiB rather than a write per line (a busy server logs a line per
 * request), flushed at least every second and when the process exits (pino flushes its own
 * destinations on exit).
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  buffered.add(stream);
  const timer = setInterval(() => stream.flush(() => undefined), FLUSH_MS).unref();
  stream.on('close', () => {
    clearInterval(timer);
    buffered.delete(stream);
  });
  return stream;
}
