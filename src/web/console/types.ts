import type { paths } from '../../client/index.ts';

/** What a GET of the API answers with (200, JSON). */
export type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** One row of a list the API answers with (its `items`). */
export type Row<P extends keyof paths> = Answer<P> extends { items: Array<infer T> } ? T : never;

/** The JSON body a POST of the API takes. */
export type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The JSON body a PATCH of the API takes. */
export type PatchBody<P extends keyof paths> = paths[P] extends {
  patch: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
