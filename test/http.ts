import type { Server } from '../src/server.ts';

type Headers = Record<string, string>;

/** Short calls under /api/v1 through `app.inject`. */
export function api(server: Server) {
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    (url: string, payload?: unknown, headers: Headers = {}) =>
      server.app.inject({
        method,
        url: `/api/v1${url}`,
        headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
  return {
    get: (url: string, headers: Headers = {}) => call('GET')(url, undefined, headers),
    del: (url: string, headers: Headers = {}) => call('DELETE')(url, undefined, headers),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
  };
}
