import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../../src/modules/notifications/index.ts';

// A loopback stand-in for Twilio's documented Messages API (Programmable Messaging): the create
// call `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form encoded under HTTP Basic
// (AccountSid:AuthToken), answering 201 with the message (`sid` SM…, `status` queued) or Twilio's
// error shape; and its status callbacks, form posts signed with X-Twilio-Signature.

export interface SentSms {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

export interface TwilioStandIn {
  apiBase: string;
  messages: SentSms[];
  /** Answers the next `n` create calls with 503, as an outage would. */
  failNext(n: number): void;
  /** Create calls answered so far, failed ones included. */
  calls: number;
  /** The signed status callback Twilio would post for a message: its URL, form and signature. */
  report(sms: SentSms, status: string, errorCode?: string): { url: string; form: string; signature: string };
  close(): Promise<void>;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const refuse = (res: http.ServerResponse, status: number, code: number, message: string) =>
  send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

export async function startTwilio(accountSid: string, authToken: string): Promise<TwilioStandIn> {
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  let failures = 0;
  const state = { messages: [] as SentSms[], calls: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      state.calls += 1;
      if (req.method !== 'POST' || req.url !== path)
        return refuse(res, 404, 20404, 'The requested resource was not found');
      if (req.headers.authorization !== expected) return refuse(res, 401, 20003, 'Authenticate');
      if (failures > 0) {
        failures -= 1;
        return refuse(res, 503, 20500, 'Service unavailable');
      }
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        return refuse(res, 400, 20001, 'Form-encoded body expected');
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      if (!E164.test(to))
        return refuse(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (!form.get('From') && !form.get('MessagingServiceSid'))
        return refuse(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
      const body = form.get('Body') ?? '';
      if (body.length === 0 || body.length > 1600)
        return refuse(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit');
      const sid = `SM${crypto.randomUUID().replace(/-/g, '')}`;
      const sms: SentSms = {
        sid,
        to,
        from: form.get('From'),
        messagingServiceSid: form.get('MessagingServiceSid'),
        body,
        statusCallback: form.get('StatusCallback'),
      };
      state.messages.push(sms);
      send(res, 201, {
        sid,
        account_sid: accountSid,
        to,
        from: sms.from,
        body,
        status: 'queued',
        num_segments: '1',
        error_code: null,
        error_message: null,
        uri: `${path.replace('.json', '')}/${sid}.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    get messages() {
      return state.messages;
    },
    get calls() {
      return state.calls;
    },
    failNext(n) {
      failures = n;
    },
    report(sms, status, errorCode) {
      const params: Record<string, string> = {
        AccountSid: accountSid,
        MessageSid: sms.sid,
        SmsSid: sms.sid,
        MessageStatus: status,
        SmsStatus: status,
        To: sms.to,
        From: sms.from ?? '',
        ApiVersion: '2010-04-01',
        ...(errorCode ? { ErrorCode: errorCode } : {}),
      };
      const url = sms.statusCallback ?? '';
      return {
        url,
        form: new URLSearchParams(params).toString(),
        signature: twilioSignature(authToken, url, params),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
