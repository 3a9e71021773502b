import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { adminRoutes } from './identity.admin.routes.ts';
import {
  Accepted,
  AddressList,
  AddressView,
  ChangePasswordBody,
  CreateAddressBody,
  CustomerProfileView,
  IdParams,
  LoginBody,
  OtpAccepted,
  OtpRequestBody,
  OtpVerifyBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ProfileView,
  RefreshBody,
  RegisterBody,
  SellerApplicationBody,
  SellerProfileView,
  SessionView,
  TokensView,
  UpdateAddressBody,
  UpdateCustomerProfileBody,
  UpdateMeBody,
  UpdateSellerProfileBody,
  UserSessionList,
  UserView,
  VerifyEmailBody,
} from './identity.schemas.ts';
import type { ClientInfo, IdentityService } from './identity.service.ts';

const bearer = [{ bearer: [] }];

function client(req: FastifyRequest): ClientInfo {
  return { userAgent: req.headers['user-agent'], ip: req.ip };
}

export function identityRoutes(
  identity: IdentityService,
  config: Pick<Config, 'RATE_LIMIT_AUTH_PER_MINUTE'>,
) {
  return async (app: ZodApp) => {
    // The unauthenticated calls get a per-IP limit; their own scope keeps the plugin to them.
    await app.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        errorResponseBuilder: (_req, context) =>
          new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
      });
      authRoutes(scope as unknown as ZodApp, identity, config.RATE_LIMIT_AUTH_PER_MINUTE);
      platformAuthRoutes(scope as unknown as ZodApp, identity, config.RATE_LIMIT_AUTH_PER_MINUTE);
      passwordChangeRoute(scope as unknown as ZodApp, identity, config.RATE_LIMIT_AUTH_PER_MINUTE);
    });
    accountRoutes(app, identity);
    addressRoutes(app, identity);
    adminRoutes(app, identity);
  };
}

/**
 * Sign-in for platform accounts (business owners, super administrators, invited staff): the same
 * calls as a store's, in the platform realm (decision 014). Signing up is the platform flow's.
 */
function platformAuthRoutes(app: ZodApp, identity: IdentityService, perMinute: number) {
  const config = { rateLimit: { max: perMinute, timeWindow: 60_000 }, platform: true };
  const tags = ['platform'];
  app.post(
    '/platform/auth/login',
    {
      config,
      schema: { tags, summary: 'Sign in to the platform', body: LoginBody, response: { 200: SessionView } },
    },
    async (req) => identity.login(req.ctx, req.body, client(req)),
  );
  app.post(
    '/platform/auth/refresh',
    {
      config,
      schema: {
        tags,
        summary: "Rotate a platform account's refresh token",
        body: RefreshBody,
        response: { 200: TokensView },
      },
    },
    async (req) => identity.refresh(req.ctx, req.body.refreshToken, client(req)),
  );
  app.post(
    '/platform/auth/logout',
    { config, schema: { tags, summary: 'End a platform session', body: RefreshBody } },
    async (req, reply) => {
      await identity.logout(req.ctx, req.body.refreshToken);
      return reply.code(204).send();
    },
  );
  // identity's own reset, run in the realm: the mail's link opens the platform console's reset page
  app.post(
    '/platform/auth/password-reset',
    {
      config,
      schema: {
        tags,
        summary:
          'Mail a platform account a password reset code (same answer whether or not the email has one)',
        body: PasswordResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await identity.recovery.requestPasswordReset(req.ctx, req.body.email)),
  );
  app.post(
    '/platform/auth/password-reset/confirm',
    {
      config,
      schema: {
        tags,
        summary: "Set a platform account's new password with a reset code; ends every session",
        body: PasswordResetConfirmBody,
      },
    },
    async (req, reply) => {
      await identity.recovery.confirmPasswordReset(req.ctx, req.body);
      return reply.code(204).send();
    },
  );
  app.get(
    '/platform/me',
    {
      config: { platform: true },
      schema: {
        tags,
        summary: 'The signed-in platform account',
        security: bearer,
        response: { 200: UserView },
      },
    },
    async (req) => identity.me(req.ctx),
  );
}

function authRoutes(app: ZodApp, identity: IdentityService, perMinute: number) {
  const limited = { rateLimit: { max: perMinute, timeWindow: 60_000 } };
  // staff of a store that is not published yet sign in there before anyone else may enter
  const signIn = { ...limited, openWhileUnpublished: true };
  const tags = ['auth'];

  app.post(
    '/auth/register',
    {
      config: limited,
      schema: { tags, summary: 'Create an account', body: RegisterBody, response: { 201: SessionView } },
    },
    async (req, reply) => reply.code(201).send(await identity.register(req.ctx, req.body, client(req))),
  );
  app.post(
    '/auth/login',
    {
      config: signIn,
      schema: { tags, summary: 'Sign in', body: LoginBody, response: { 200: SessionView } },
    },
    async (req) => identity.login(req.ctx, req.body, client(req)),
  );
  app.post(
    '/auth/otp',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Send a sign-in code by SMS (same answer whether or not the phone has an account)',
        body: OtpRequestBody,
        response: { 202: OtpAccepted },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await identity.phone.requestCode(req.ctx, req.body.phone, req.ip)),
  );
  app.post(
    '/auth/otp/verify',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Sign in with a code sent by SMS; opens a customer account on first use where the store allows it',
        body: OtpVerifyBody,
        response: { 200: SessionView },
      },
    },
    async (req) => identity.phone.verify(req.ctx, req.body, client(req)),
  );
  app.post(
    '/auth/refresh',
    {
      config: signIn,
      schema: { tags, summary: 'Rotate a refresh token', body: RefreshBody, response: { 200: TokensView } },
    },
    async (req) => identity.refresh(req.ctx, req.body.refreshToken, client(req)),
  );
  app.post(
    '/auth/logout',
    { config: signIn, schema: { tags, summary: 'End the session of a refresh token', body: RefreshBody } },
    async (req, reply) => {
      await identity.logout(req.ctx, req.body.refreshToken);
      return reply.code(204).send();
    },
  );
  app.post(
    '/auth/logout-all',
    { schema: { tags, summary: 'End every session of the signed-in user', security: bearer } },
    async (req, reply) => {
      await identity.logoutEverywhere(req.ctx);
      return reply.code(204).send();
    },
  );
  app.post(
    '/auth/verify-email',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Confirm an email address with its code',
        body: VerifyEmailBody,
        response: { 200: UserView },
      },
    },
    async (req) => identity.recovery.verifyEmail(req.ctx, req.body.token),
  );
  app.post(
    '/auth/password-reset',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Mail a password reset code (same answer whether or not the email has an account)',
        body: PasswordResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await identity.recovery.requestPasswordReset(req.ctx, req.body.email)),
  );
  app.post(
    '/auth/password-reset/confirm',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Set a new password with a reset code; ends every session',
        body: PasswordResetConfirmBody,
      },
    },
    async (req, reply) => {
      await identity.recovery.confirmPasswordReset(req.ctx, req.body);
      return reply.code(204).send();
    },
  );
}

/** Each try costs an argon2 verification, so it is limited per address here and per account in the service. */
function passwordChangeRoute(app: ZodApp, identity: IdentityService, perMinute: number) {
  app.post(
    '/me/password',
    {
      config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['account'],
        security: bearer,
        summary: 'Change password; signs out the other sessions',
        body: ChangePasswordBody,
      },
    },
    async (req, reply) => {
      await identity.changePassword(req.ctx, req.body);
      return reply.code(204).send();
    },
  );
}

function accountRoutes(app: ZodApp, identity: IdentityService) {
  const tags = ['account'];
  const auth = { tags, security: bearer };

  app.get(
    '/me',
    { schema: { ...auth, summary: 'The signed-in user', response: { 200: UserView } } },
    async (req) => identity.me(req.ctx),
  );
  app.patch(
    '/me',
    { schema: { ...auth, summary: 'Change name or phone', body: UpdateMeBody, response: { 200: UserView } } },
    async (req) => identity.updateMe(req.ctx, req.body),
  );
  app.post(
    '/me/email-verification',
    {
      schema: { ...auth, summary: 'Send the email verification code again', response: { 202: Accepted } },
      config: { ownLimit: true },
    },
    async (req, reply) => reply.code(202).send(await identity.recovery.resendVerification(req.ctx)),
  );
  app.get(
    '/me/sessions',
    {
      schema: {
        ...auth,
        summary: 'Active sessions (devices) of the signed-in user',
        querystring: PageQuery,
        response: { 200: UserSessionList },
      },
    },
    async (req) => identity.listSessions(req.ctx, req.query),
  );
  app.delete(
    '/me/sessions/:id',
    { schema: { ...auth, summary: 'Revoke a session; its tokens stop working at once', params: IdParams } },
    async (req, reply) => {
      await identity.revokeSession(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/me/profile',
    { schema: { ...auth, summary: 'Customer, seller and admin profiles', response: { 200: ProfileView } } },
    async (req) => identity.profiles.mine(req.ctx),
  );
  app.patch(
    '/me/profile/customer',
    {
      schema: {
        ...auth,
        summary: 'Change preferred currency or date of birth',
        body: UpdateCustomerProfileBody,
        response: { 200: CustomerProfileView },
      },
    },
    async (req) => identity.profiles.updateCustomer(req.ctx, req.body),
  );
  app.post(
    '/me/seller-application',
    {
      schema: {
        ...auth,
        summary: 'Apply to sell (201), or re-apply after a rejection (200)',
        body: SellerApplicationBody,
        response: { 200: SellerProfileView, 201: SellerProfileView },
      },
    },
    async (req, reply) => {
      const { created, profile } = await identity.profiles.applyAsSeller(req.ctx, req.body);
      return reply.code(created ? 201 : 200).send(profile);
    },
  );
  app.patch(
    '/me/seller-profile',
    {
      schema: {
        ...auth,
        summary: 'Change the seller profile',
        body: UpdateSellerProfileBody,
        response: { 200: SellerProfileView },
      },
    },
    async (req) => identity.profiles.updateSeller(req.ctx, req.body),
  );
}

function addressRoutes(app: ZodApp, identity: IdentityService) {
  const auth = { tags: ['addresses'], security: bearer };

  app.get(
    '/me/addresses',
    {
      schema: { ...auth, summary: 'Saved addresses', querystring: PageQuery, response: { 200: AddressList } },
    },
    async (req) => identity.addresses.list(req.ctx, req.query),
  );
  app.post(
    '/me/addresses',
    {
      schema: {
        ...auth,
        summary: 'Save an address',
        body: CreateAddressBody,
        response: { 201: AddressView },
      },
    },
    async (req, reply) => reply.code(201).send(await identity.addresses.create(req.ctx, req.body)),
  );
  app.get(
    '/me/addresses/:id',
    { schema: { ...auth, summary: 'One saved address', params: IdParams, response: { 200: AddressView } } },
    async (req) => identity.addresses.get(req.ctx, req.params.id),
  );
  app.patch(
    '/me/addresses/:id',
    {
      schema: {
        ...auth,
        summary: 'Change an address or make it a default',
        params: IdParams,
        body: UpdateAddressBody,
        response: { 200: AddressView },
      },
    },
    async (req) => identity.addresses.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/me/addresses/:id',
    { schema: { ...auth, summary: 'Delete an address', params: IdParams } },
    async (req, reply) => {
      await identity.addresses.remove(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
}
