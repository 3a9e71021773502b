import { createECDH, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for a web push service (RFC 8030): it takes `POST /push/<device>` and answers
// 201 Created, or 410 Gone for devices marked gone, recording each request's headers and body as
// they arrive (the body is the aes128gcm-encrypted payload, RFC 8291; the Authorization header is
// the VAPID token, RFC 8292).

export interface PushRequest {
  device: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface PushServiceStandIn {
  /** A browser's subscription on this service: its endpoint and the keys a browser would make. */
  subscription(device: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  gone: Set<string>;
  received: PushRequest[];
  close(): Promise<void>;
}

export async function startPushService(): Promise<PushServiceStandIn> {
  const received: PushRequest[] = [];
  const gone = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const device = (req.url ?? '').replace(/^\/push\//, '');
      received.push({ device, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.method === 'POST' ? (gone.has(device) ? 410 : 201) : 405);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    subscription(device) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      return {
        endpoint: `http://127.0.0.1:${port}/push/${device}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      };
    },
    gone,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
