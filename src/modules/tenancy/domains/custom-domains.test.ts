import http from 'node:http';
import type { AddressInfo } from 'node:net';
import dns2 from 'dns2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequest } from '../../../platform/http/errors.ts';
import {
  checkCustomDomain,
  issueVerificationToken,
  parseCustomDomain,
  type publicOnlyLookup,
  verificationRecordName,
  verificationUrl,
  verifyByDns,
  verifyByHttp,
} from './custom-domains.ts';

const PLATFORM = 'bazaar.app';
const reasonOf = (input: string) => {
  const result = checkCustomDomain(input, PLATFORM);
  return result.ok ? 'ok' : result.reason;
};

describe('a custom hostname', () => {
  it('is accepted as a name under a listed public suffix, lower-cased and without the root dot', () => {
    expect(checkCustomDomain('Shop.Acme.com.', PLATFORM)).toEqual({ ok: true, hostname: 'shop.acme.com' });
    expect(checkCustomDomain('acme.co.uk', PLATFORM)).toEqual({ ok: true, hostname: 'acme.co.uk' });
  });

  it('is turned into its ASCII form when written in another script', () => {
    expect(checkCustomDomain('münchen.de', PLATFORM)).toEqual({ ok: true, hostname: 'xn--mnchen-3ya.de' });
  });

  it('is refused when it is an IP address', () => {
    for (const input of ['127.0.0.1', '10.1.2.3', '::1', '[::1]', '2001:db8::1']) {
      expect(reasonOf(input), input).toBe('ip-address');
    }
  });

  it('is refused with a port, a scheme, a path or other characters', () => {
    for (const input of [
      'acme.com:8080',
      'http://acme.com',
      'acme.com/shop',
      'user@acme.com',
      'a_b.acme.com',
    ]) {
      expect(reasonOf(input), input).toBe('characters');
    }
  });

  it('is refused when a label breaks the DNS rules or the whole name is too long', () => {
    expect(reasonOf('-shop.acme.com')).toBe('label');
    expect(reasonOf('shop..acme.com')).toBe('label');
    expect(reasonOf(`${'a'.repeat(64)}.com`)).toBe('label');
    expect(reasonOf(`${'abcdefghi.'.repeat(26)}com`)).toBe('length');
    expect(reasonOf(`${'abcdefghi.'.repeat(25)}com`)).toBe('ok');
  });

  it('is refused when it is not a registrable name under a listed public suffix', () => {
    for (const input of [
      'co.uk',
      'com',
      'github.io',
      'localhost',
      'acme',
      'acme.example',
      'shop.acme.invalidtld',
    ]) {
      expect(reasonOf(input), input).toBe('not-registrable');
    }
  });

  it("is refused under the platform's own domain", () => {
    expect(reasonOf('bazaar.app')).toBe('platform-domain');
    expect(reasonOf('acme.bazaar.app')).toBe('platform-domain');
    expect(reasonOf('notbazaar.app')).toBe('ok');
  });

  it('is a 400 with a field error at /customDomain when parsed', () => {
    expect(parseCustomDomain('Shop.Acme.com', PLATFORM)).toBe('shop.acme.com');
    expect(() => parseCustomDomain('acme.bazaar.app', PLATFORM)).toThrow(BadRequest);
    expect(() => parseCustomDomain('127.0.0.1', PLATFORM)).toThrow(
      expect.objectContaining({
        code: 'custom-domain-invalid',
        extra: {
          errors: [{ pointer: '/customDomain', in: 'body', detail: expect.stringContaining('IP address') }],
        },
      }),
    );
  });
});

describe('verification tokens', () => {
  it('are long, random and safe in a DNS TXT record and a URL path', () => {
    const a = issueVerificationToken();
    const b = issueVerificationToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('are looked for at _bazaar-verify.{host} and under /.well-known/bazaar-verify/', () => {
    expect(verificationRecordName('shop.acme.com')).toBe('_bazaar-verify.shop.acme.com');
    expect(verificationUrl('shop.acme.com', 'tok')).toBe(
      'http://shop.acme.com/.well-known/bazaar-verify/tok',
    );
  });
});

describe('verification by a DNS TXT record', () => {
  const token = issueVerificationToken();
  const records = new Map<string, string[][]>();
  const silent = new Set<string>();
  const asked: string[] = [];
  let server: ReturnType<typeof dns2.createUDPServer>;
  let servers: string[];

  beforeAll(async () => {
    server = dns2.createUDPServer((request, send) => {
      const question = request.questions[0];
      const name = question?.name ?? '';
      asked.push(name);
      if (silent.has(name)) return;
      const response = dns2.Packet.createResponseFromRequest(request);
      const txt = records.get(name);
      if (!txt) response.header.rcode = 3; // NXDOMAIN
      for (const data of txt ?? []) {
        response.answers.push({
          name,
          type: dns2.Packet.TYPE.TXT,
          class: dns2.Packet.CLASS.IN,
          ttl: 60,
          data,
        } as unknown as dns2.Packet.Resource);
      }
      send(response);
    });
    await server.listen(0, '127.0.0.1');
    servers = [`127.0.0.1:${(server.address() as AddressInfo).port}`];
  });
  afterAll(() => server?.close());

  it('verifies when a TXT record at _bazaar-verify.{host} holds the token', async () => {
    records.set('_bazaar-verify.shop.acme.com', [['v=spf1 -all'], [token.slice(0, 20), token.slice(20)]]);
    await expect(verifyByDns('shop.acme.com', token, { servers })).resolves.toEqual({
      verified: true,
      method: 'dns',
    });
    expect(asked).toContain('_bazaar-verify.shop.acme.com');
  });

  it('does not verify when the record holds another token', async () => {
    records.set('_bazaar-verify.wrong.acme.com', [[issueVerificationToken()]]);
    const result = await verifyByDns('wrong.acme.com', token, { servers });
    expect(result).toMatchObject({ verified: false, method: 'dns', reason: 'wrong-token' });
  });

  it('does not verify yet when the name does not exist', async () => {
    const result = await verifyByDns('missing.acme.com', token, { servers });
    expect(result).toMatchObject({ verified: false, method: 'dns', reason: 'not-found' });
  });

  it('does not verify yet when the name has no TXT record', async () => {
    records.set('_bazaar-verify.empty.acme.com', []);
    const result = await verifyByDns('empty.acme.com', token, { servers });
    expect(result).toMatchObject({ verified: false, method: 'dns', reason: 'not-found' });
  });

  it('does not verify yet, and does not throw, when the server does not answer in time', async () => {
    silent.add('_bazaar-verify.slow.acme.com');
    const started = Date.now();
    const result = await verifyByDns('slow.acme.com', token, { servers, timeoutMs: 300 });
    expect(result).toMatchObject({ verified: false, method: 'dns', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('verification by an HTTP well-known token', () => {
  const token = issueVerificationToken();
  let handler: http.RequestListener = (_req, res) => res.end();
  let server: http.Server;
  let port: number;
  const toLoopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  }) as unknown as typeof publicOnlyLookup;
  const verify = (host: string, options: { timeoutMs?: number; maxBytes?: number } = {}) =>
    verifyByHttp(host, token, { port, lookup: toLoopback, ...options });

  beforeAll(async () => {
    server = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    handler = (_req, res) => res.end();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies when the host serves the token at its well-known path', async () => {
    let seen: { host?: string; url?: string } = {};
    handler = (req, res) => {
      seen = { host: req.headers.host, url: req.url };
      res.end(`${token}\n`);
    };
    await expect(verify('shop.acme.com')).resolves.toEqual({ verified: true, method: 'http' });
    expect(seen).toEqual({ host: `shop.acme.com:${port}`, url: `/.well-known/bazaar-verify/${token}` });
  });

  it('does not verify when the body is another token', async () => {
    handler = (_req, res) => res.end(issueVerificationToken());
    await expect(verify('shop.acme.com')).resolves.toMatchObject({ verified: false, reason: 'wrong-token' });
  });

  it('does not verify yet when the path is missing', async () => {
    handler = (_req, res) => {
      res.statusCode = 404;
      res.end('not here');
    };
    await expect(verify('shop.acme.com')).resolves.toMatchObject({ verified: false, reason: 'not-found' });
  });

  it('does not verify yet, and does not throw, when the host does not answer in time', async () => {
    handler = () => {}; // never answers
    const result = await verify('shop.acme.com', { timeoutMs: 200 });
    expect(result).toMatchObject({ verified: false, method: 'http', reason: 'timeout' });
  });

  it('stops reading a body larger than the bound', async () => {
    handler = (_req, res) => res.end(token + 'x'.repeat(10_000));
    await expect(verify('shop.acme.com', { maxBytes: 512 })).resolves.toMatchObject({
      verified: false,
      reason: 'too-large',
    });
  });

  it('follows a redirect on the same host', async () => {
    handler = (req, res) => {
      if (req.url?.startsWith('/.well-known/')) {
        res.writeHead(302, { location: `/verify/${token}` }).end();
      } else res.end(token);
    };
    await expect(verify('shop.acme.com')).resolves.toEqual({ verified: true, method: 'http' });
  });

  it('does not follow a redirect to another host', async () => {
    let requests = 0;
    handler = (_req, res) => {
      requests += 1;
      res.writeHead(301, { location: `http://evil.example.com/${token}` }).end();
    };
    await expect(verify('shop.acme.com')).resolves.toMatchObject({
      verified: false,
      reason: 'redirected-away',
    });
    expect(requests).toBe(1);
  });

  it('does not verify yet when nothing listens on the host', async () => {
    const result = await verifyByHttp('shop.acme.com', token, { port: 1, lookup: toLoopback });
    expect(result).toMatchObject({ verified: false, method: 'http', reason: 'unreachable' });
  });

  it('by default refuses to connect to a loopback or private address', async () => {
    const result = await verifyByHttp('localhost', token, { port });
    expect(result).toMatchObject({ verified: false, method: 'http', reason: 'unreachable' });
    expect(result.verified ? '' : result.detail).toMatch(/not a public address/);
  });
});
