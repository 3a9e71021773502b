import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/app.ts';
import {
  LoginBody,
  RefreshBody,
  RegisterBody,
  SessionView,
  TokensView,
  UserList,
  UserListQuery,
  UserView,
} from './identity.schemas.ts';
import type { ClientInfo, IdentityService } from './identity.service.ts';

const bearer = [{ bearer: [] }];

function client(req: FastifyRequest): ClientInfo {
  return { userAgent: req.headers['user-agent'], ip: req.ip };
}

export function identityRoutes(identity: IdentityService) {
  return (app: ZodApp) => {
    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an account',
          body: RegisterBody,
          response: { 201: SessionView },
        },
      },
      async (req, reply) => reply.code(201).send(await identity.register(req.ctx, req.body, client(req))),
    );
    app.post(
      '/auth/login',
      { schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: SessionView } } },
      async (req) => identity.login(req.ctx, req.body, client(req)),
    );
    app.post(
      '/auth/refresh',
      {
        schema: {
          tags: ['auth'],
          summary: 'Rotate a refresh token',
          body: RefreshBody,
          response: { 200: TokensView },
        },
      },
      async (req) => identity.refresh(req.ctx, req.body.refreshToken, client(req)),
    );
    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the session of a refresh token', body: RefreshBody } },
      async (req, reply) => {
        await identity.logout(req.ctx, req.body.refreshToken);
        return reply.code(204).send();
      },
    );
    app.get(
      '/me',
      {
        schema: {
          tags: ['account'],
          summary: 'The signed-in user',
          security: bearer,
          response: { 200: UserView },
        },
      },
      async (req) => identity.me(req.ctx),
    );
    app.get(
      '/admin/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Users of this store (ADMIN)',
          security: bearer,
          querystring: UserListQuery,
          response: { 200: UserList },
        },
      },
      async (req) => identity.listUsers(req.ctx, req.query),
    );
  };
}
