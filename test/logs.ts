import { Writable } from 'node:stream';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger, type Logger } from '../src/platform/observability/logger.ts';

/** The production logger (same redaction and serializers) writing JSON lines into memory. */
export function capturingLogger(): {
  log: Logger;
  lines: () => Record<string, unknown>[];
  text: () => string;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = createLogger(loadConfig({ LOG_LEVEL: 'info', LOG_PRETTY: 'false' }), sink);
  const text = () => chunks.join('');
  return {
    log,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
