import { PLATFORM_REALM } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import { type Client, type Headers, ok } from './http.ts';

/** A business owner signed up through the API, with a client that sends its token. */
export interface TestOwner {
  userId: string;
  tenantId: string;
  email: string;
  password: string;
  accessToken: string;
  headers: { authorization: string };
  server: Server;
  /** Calls under /api/v1 with the owner's token; `host` adds a Host header (a store's address). */
  client(host?: string): Client;
}

let counter = 0;

export async function signUpOwner(
  server: Server,
  fields: { businessName?: string; email?: string; password?: string } = {},
): Promise<TestOwner> {
  const n = ++counter;
  const email = fields.email ?? `owner-${n}-${newId().slice(-8)}@example.test`;
  const password = fields.password ?? `Owner password ${n} ${newId()}`;
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/platform/signup',
    payload: { businessName: fields.businessName ?? `Business ${n}`, name: `Owner ${n}`, email, password },
  });
  const body = await ok<{ tenant: { id: string }; user: { id: string }; accessToken: string }>(res);
  const headers = { authorization: `Bearer ${body.accessToken}` };
  return {
    userId: body.user.id,
    tenantId: body.tenant.id,
    email,
    password,
    accessToken: body.accessToken,
    headers,
    server,
    client: (host) => hostClient(server, { ...headers, ...(host ? { host } : {}) }),
  };
}

/** Calls under /api/v1 carrying `headers` (and any per call). */
export function hostClient(server: Server, base: Headers): Client {
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    (url: string, body?: unknown, headers: Headers = {}) =>
      server.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...base, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
  return {
    get: (url, headers) => call('GET')(url, undefined, headers),
    del: (url, headers) => call('DELETE')(url, undefined, headers),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
  };
}

/** The platform realm's id, for tests that look at platform accounts' rows. */
export const REALM = PLATFORM_REALM;
