import fs from 'node:fs';
import path from 'node:path';
import type { Server } from '../src/server.ts';

export interface SentMail {
  file: string;
  to: string;
  from: string;
  replyTo: string;
  subject: string;
  text: string;
  /** The HTML part, when the mail has one. */
  html: string;
}

/** Quoted-printable to text, the escaped bytes read as UTF-8 (so "×" survives). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1]!.replace(/\n[ \t]+/g, ' ').trim() : '';
}

/** The decoded part of `type` of a message (its body when it is not multipart). */
function textPart(head: string, body: string, type: 'text/plain' | 'text/html'): string {
  const boundary = /boundary="?([^";\n]+)"?/i.exec(header(head, 'Content-Type'))?.[1];
  if (!boundary) return type === 'text/plain' ? decode(head, body) : '';
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\n\n');
    if (split < 0) continue;
    const partHead = part.slice(0, split).trim();
    if (header(partHead, 'Content-Type').toLowerCase().startsWith(type))
      return decode(partHead, part.slice(split + 2).replace(/\n$/, ''));
  }
  return '';
}

function decode(head: string, body: string): string {
  const encoding = header(head, 'Content-Transfer-Encoding');
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
  if (/base64/i.test(encoding)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

/**
 * Runs the job worker until the queue is empty, then reads every message the development mail
 * transport wrote to DATA_DIR/mail (oldest first).
 */
export async function sentMails(server: Server): Promise<SentMail[]> {
  await server.worker.drain();
  const dir = path.join(server.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n');
      const split = raw.indexOf('\n\n');
      const head = raw.slice(0, split);
      const body = raw.slice(split + 2);
      return {
        file: f,
        to: header(head, 'To'),
        from: header(head, 'From'),
        replyTo: header(head, 'Reply-To'),
        subject: header(head, 'Subject'),
        text: textPart(head, body, 'text/plain'),
        html: textPart(head, body, 'text/html'),
      };
    });
}

/** The newest message to `to` (optionally with a subject matching `subject`); throws if none. */
export async function lastMailTo(server: Server, to: string, subject?: RegExp): Promise<SentMail> {
  const mails = (await sentMails(server)).filter(
    (m) => m.to.toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(m.subject)),
  );
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** The code a mail carries: the line that is one long URL-safe token. */
export function tokenIn(mail: SentMail): string {
  const match = /^([A-Za-z0-9_-]{32,})$/m.exec(mail.text);
  if (!match) throw new Error(`no token in mail ${mail.file}`);
  return match[1]!;
}
