import type { ZodApp } from '../../platform/http/app.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import type { FeedService } from './notifications.feed.ts';
import type { MailLinks } from './notifications.mail-links.ts';
import type { PreferenceService } from './notifications.preferences.ts';
import {
  FeedItem,
  FeedPage,
  LogPage,
  LogQuery,
  NotificationParams,
  PreferencesBody,
  PreferencesView,
  PreviewBody,
  ReadAllView,
  RenderedView,
  TemplateBody,
  TemplateDetail,
  TemplateList,
  TemplateParams,
  TemplateQuery,
  TemplateView,
  TokenQuery,
  UnreadView,
  UnsubscribedView,
} from './notifications.schemas.ts';
import type { TemplateKey, TemplateService } from './notifications.templates.ts';
import type { NotificationType } from './notifications.types.ts';

const bearer = [{ bearer: [] }];
const mine = { tags: ['notifications'], security: bearer };
const staff = { tags: ['notification templates'], security: bearer };
const links = { tags: ['notifications'] };

export interface NotificationRouteDeps {
  feed: FeedService;
  preferences: PreferenceService;
  templates: TemplateService;
  mailLinks: MailLinks;
}

const keyOf = (params: { type: string; channel: string }, query: { language: string }): TemplateKey =>
  ({
    type: params.type as NotificationType,
    channel: params.channel,
    language: query.language,
  }) as TemplateKey;

export function notificationRoutes(deps: NotificationRouteDeps) {
  return async (app: ZodApp) => {
    feedRoutes(app, deps);
    templateRoutes(app, deps);
    await linkRoutes(app, deps);
  };
}

function feedRoutes(app: ZodApp, { feed, preferences }: NotificationRouteDeps) {
  app.get(
    '/me/notifications',
    {
      schema: {
        ...mine,
        summary: 'My in-app notifications, newest first, with the unread count',
        querystring: PageQuery,
        response: { 200: FeedPage },
      },
    },
    async (req) => feed.list(req.ctx, req.query),
  );
  app.get(
    '/me/notifications/unread-count',
    {
      schema: {
        ...mine,
        summary: 'How many of my in-app notifications are unread',
        response: { 200: UnreadView },
      },
    },
    async (req) => feed.unread(req.ctx),
  );
  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        ...mine,
        summary: 'Mark one of my notifications read; 404 for anyone else’s',
        params: NotificationParams,
        response: { 200: FeedItem },
      },
    },
    async (req) => feed.read(req.ctx, req.params.id),
  );
  app.post(
    '/me/notifications/read-all',
    { schema: { ...mine, summary: 'Mark all my notifications read', response: { 200: ReadAllView } } },
    async (req) => feed.readAll(req.ctx),
  );
  app.get(
    '/me/notification-preferences',
    {
      schema: {
        ...mine,
        summary: 'My channels per type, quiet hours and language',
        response: { 200: PreferencesView },
      },
    },
    async (req) => preferences.mine(req.ctx),
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        ...mine,
        summary: 'Replace my notification preferences (security messages cannot be turned off)',
        body: PreferencesBody,
        response: { 200: PreferencesView },
      },
    },
    async (req) => preferences.replace(req.ctx, req.body as never),
  );
}

function templateRoutes(app: ZodApp, { templates, feed }: NotificationRouteDeps) {
  app.get(
    '/admin/notification-templates',
    {
      schema: {
        ...staff,
        summary: 'Every template: the store’s newest version, or the shipped default',
        response: { 200: TemplateList },
      },
    },
    async (req) => ({ items: await templates.list(req.ctx), nextCursor: null }),
  );
  app.get(
    '/admin/notification-templates/:type/:channel',
    {
      schema: {
        ...staff,
        summary: 'A template and its saved versions, newest first',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: { 200: TemplateDetail },
      },
    },
    async (req) => templates.get(req.ctx, keyOf(req.params, req.query)),
  );
  app.put(
    '/admin/notification-templates/:type/:channel',
    {
      schema: {
        ...staff,
        summary: 'Save a template as a new version; 400 with the line and reason if it does not render',
        params: TemplateParams,
        querystring: TemplateQuery,
        body: TemplateBody,
        response: { 200: TemplateView },
      },
    },
    async (req) =>
      templates.save(req.ctx, keyOf(req.params, req.query), {
        subject: req.body.subject ?? null,
        body: req.body.body,
        html: req.body.html ?? null,
      }),
  );
  app.post(
    '/admin/notification-templates/:type/:channel/preview',
    {
      schema: {
        ...staff,
        summary: 'Render a template (the body given, or the current one) with sample data',
        params: TemplateParams,
        querystring: TemplateQuery,
        body: PreviewBody.optional(),
        response: { 200: RenderedView },
      },
    },
    async (req) => {
      const b = req.body;
      const parts = b?.body ? { subject: b.subject ?? null, body: b.body, html: b.html ?? null } : undefined;
      return templates.preview(req.ctx, keyOf(req.params, req.query), parts);
    },
  );
  app.post(
    '/admin/notification-templates/:type/:channel/revert',
    {
      schema: {
        ...staff,
        summary: 'Save the shipped default again as the newest version',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: { 200: TemplateView },
      },
    },
    async (req) => templates.revert(req.ctx, keyOf(req.params, req.query)),
  );
  app.get(
    '/admin/notifications',
    {
      schema: {
        ...staff,
        summary: 'The delivery log: the store’s messages, newest first',
        querystring: LogQuery,
        response: { 200: LogPage },
      },
    },
    async (req) => feed.log(req.ctx, req.query),
  );
}

async function linkRoutes(app: ZodApp, { mailLinks }: NotificationRouteDeps) {
  app.get(
    '/notifications/open.gif',
    {
      schema: {
        ...links,
        summary: 'The open-tracking pixel of a mail (a 1×1 GIF whatever the token)',
        querystring: TokenQuery,
      },
    },
    async (req, reply) => {
      await mailLinks.opened(req.ctx, req.query.token);
      return reply.type('image/gif').header('cache-control', 'no-store').send(mailLinks.pixel);
    },
  );
  app.get(
    '/notifications/click',
    {
      schema: {
        ...links,
        summary: 'A tracked link of a mail: records the click and redirects (302); 404 for a forged token',
        querystring: TokenQuery,
      },
    },
    async (req, reply) => reply.redirect(await mailLinks.clicked(req.ctx, req.query.token), 302),
  );
  app.get(
    '/notifications/unsubscribe',
    {
      schema: {
        ...links,
        summary: 'The unsubscribe page of a mail: a button that confirms (no sign-in)',
        querystring: TokenQuery,
      },
    },
    async (req, reply) =>
      reply.type('text/html; charset=utf-8').send(await mailLinks.unsubscribePage(req.ctx, req.query.token)),
  );
  // One-click unsubscribe (RFC 8058): the mail client posts `List-Unsubscribe=One-Click` as a form
  // to the URL of the List-Unsubscribe header; the token in the URL is all that counts.
  await app.register(async (scope: ZodApp) => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'])
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
        done(null, body),
      );
    scope.post(
      '/notifications/unsubscribe',
      {
        schema: {
          ...links,
          summary:
            'Turn off the mail of the link’s type for its recipient (no sign-in; also the one-click POST of List-Unsubscribe); 404 for a forged token',
          querystring: TokenQuery,
          response: { 200: UnsubscribedView },
        },
      },
      async (req) => mailLinks.unsubscribe(req.ctx, req.query.token),
    );
  });
}
