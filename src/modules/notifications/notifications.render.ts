// The template engine: Handlebars, one private instance with a `money` helper and no partials.
// Subjects and text bodies are plain text (no escaping: a text mail, an SMS or an in-app row is not
// HTML); the HTML part of a mail escapes every value unless a template asks for `{{{raw}}}`.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { formatMoney } from '../../platform/money.ts';
import type { Channel } from './notifications.channels.ts';
import { TemplateInvalid } from './notifications.errors.ts';
import { NOTIFICATION_TYPES, type NotificationType, TYPE_NAMES } from './notifications.types.ts';

const engine = Handlebars.create();
engine.registerHelper('money', (amount: unknown, currency: unknown) =>
  typeof amount === 'number' && typeof currency === 'string' ? formatMoney(amount, currency) : '',
);

export interface TemplateParts {
  subject: string | null;
  body: string;
  html: string | null;
}

export interface Rendered {
  subject: string | null;
  body: string;
  html: string | null;
}

type Part = keyof TemplateParts;
type Delegate = (data: unknown) => string;

export interface Compiled {
  render(data: unknown): Rendered;
}

const PART_OPTIONS: Record<Part, CompileOptions> = {
  subject: { noEscape: true },
  body: { noEscape: true },
  html: {},
};

/** Where a template went wrong: the part, its line (1-based) and the reason, for a 400 answer. */
function invalid(part: Part, error: unknown): TemplateInvalid {
  const e = error as { message?: string; lineNumber?: number };
  const message = String(e.message ?? error);
  const line =
    e.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+$/.exec(message)?.[1] ?? 1);
  const reason = message
    .replace(/^Parse error on line \d+:\n/, '')
    .replace(/ - \d+:\d+$/, '')
    .split('\n')
    .at(-1)!;
  return new TemplateInvalid(part, line, reason);
}

function compilePart(part: Part, source: string, strict: boolean): Delegate {
  try {
    engine.parse(source);
  } catch (error) {
    throw invalid(part, error);
  }
  return engine.compile(source, { ...PART_OPTIONS[part], strict, knownHelpersOnly: false });
}

/** Compiles a template's parts; a syntax error is a TemplateInvalid with its line. */
export function compile(parts: TemplateParts, strict = false): Compiled {
  const subject = parts.subject === null ? null : compilePart('subject', parts.subject, strict);
  const body = compilePart('body', parts.body, strict);
  const html = parts.html === null ? null : compilePart('html', parts.html, strict);
  const run = (part: Part, fn: Delegate, data: unknown) => {
    try {
      return fn(data);
    } catch (error) {
      throw invalid(part, error);
    }
  };
  return {
    render: (data) => ({
      subject: subject && run('subject', subject, data).trim(),
      body: run('body', body, data),
      html: html && run('html', html, data),
    }),
  };
}

/**
 * Refuses a template that does not compile or that fails with the type's sample data, in strict
 * mode: a misspelt variable is an error at save time, never a blank in a customer's mail.
 */
export function check(parts: TemplateParts, sample: unknown): Rendered {
  return compile(parts, true).render(sample);
}

// The shipped defaults: defaults/<language>/<TYPE>.<channel>.hbs, a `subject:` line, a line `---`,
// then the body; an optional <TYPE>.email.html.hbs is the mail's HTML part.
const DEFAULTS_DIR = path.join(import.meta.dirname, 'defaults');
const FILE_CHANNEL: Record<Channel, string> = { EMAIL: 'email', SMS: 'sms', PUSH: 'push', IN_APP: 'in-app' };

function readDefault(language: string, type: NotificationType, channel: Channel): TemplateParts | null {
  const base = path.join(DEFAULTS_DIR, language, `${type}.${FILE_CHANNEL[channel]}`);
  if (!fs.existsSync(`${base}.hbs`)) return null;
  const text = fs.readFileSync(`${base}.hbs`, 'utf8');
  const split = text.indexOf('\n---\n');
  const head = split >= 0 ? text.slice(0, split) : '';
  const subject = /^subject:\s*(.*)$/m.exec(head)?.[1] ?? null;
  const html = fs.existsSync(`${base}.html.hbs`) ? fs.readFileSync(`${base}.html.hbs`, 'utf8') : null;
  return { subject, body: split >= 0 ? text.slice(split + 5) : text, html };
}

export const DEFAULT_LANGUAGE = 'en';
const defaults = new Map<string, TemplateParts>();
for (const language of fs.readdirSync(DEFAULTS_DIR))
  for (const type of TYPE_NAMES)
    for (const channel of ['EMAIL', 'SMS', 'PUSH', 'IN_APP'] as const) {
      const parts = readDefault(language, type, channel);
      if (parts) defaults.set(`${type}/${channel}/${language}`, parts);
    }

/** The shipped default of a type on a channel, in `language` or else in English; null: none. */
export function defaultTemplate(
  type: NotificationType,
  channel: Channel,
  language: string,
): TemplateParts | null {
  return (
    defaults.get(`${type}/${channel}/${language}`) ??
    defaults.get(`${type}/${channel}/${language.slice(0, 2)}`) ??
    defaults.get(`${type}/${channel}/${DEFAULT_LANGUAGE}`) ??
    null
  );
}

export function hasChannel(type: NotificationType, channel: Channel): boolean {
  return (NOTIFICATION_TYPES[type].channels as readonly Channel[]).includes(channel);
}
