import { useQuery } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { Link, Redirect, Route, Router, Switch, useRoute } from 'wouter';
import { bazaar, call, renewForRoles } from './api.ts';

export type Role = 'ADMIN' | 'SELLER' | 'DELIVERY_AGENT';

/**
 * A page of a console at `path` (under the console's own path, e.g. `/orders/:id`), given its
 * path's parameters. A page with a `name` is a section: the console's navigation links to it.
 */
export interface ConsolePage {
  path: string;
  name?: string;
  component: ComponentType<{ params: Record<string, string | undefined> }>;
}

export interface ConsoleKind {
  title: string;
  role: Role;
  pages: ConsolePage[];
  /**
   * The pages an account without the role may still open (a seller's application while it is
   * reviewed); without them such an account is refused.
   */
  withoutRole?: ConsolePage[];
}

/** The signed-in console: its sections as links, the page the address names below them. */
export function Console(props: { base: string; kind: ConsoleKind; onSignOut: () => void }) {
  const me = useQuery({
    queryKey: ['/me'],
    queryFn: async () => {
      const me = await call(() => bazaar.GET('/api/v1/me'));
      await renewForRoles(me.roles);
      return me;
    },
  });
  if (me.isPending) return <p>Loading…</p>;
  if (me.isError) return <p role="alert">{me.error.message}</p>;
  const signOut = (
    <button type="button" onClick={props.onSignOut}>
      Sign out
    </button>
  );
  const pages = me.data.roles.includes(props.kind.role) ? props.kind.pages : props.kind.withoutRole;
  if (!pages)
    return (
      <main>
        <p role="alert">This account cannot use the {props.kind.title.toLowerCase()}.</p>
        {signOut}
      </main>
    );
  const sections = pages.filter((p) => p.name);
  return (
    <Router base={props.base}>
      <header className="bar">
        <strong>{props.kind.title}</strong>
        <nav aria-label="Sections">
          {sections.map((s) => (
            <NavLink key={s.path} path={s.path} name={s.name!} />
          ))}
        </nav>
        <span>{me.data.name}</span>
        {signOut}
      </header>
      <main>
        <Switch>
          {pages.map((p) => (
            <Route key={p.path} path={p.path} component={p.component} />
          ))}
          <Route path="/">
            <Redirect to={sections[0]?.path ?? '/'} replace />
          </Route>
          <Route component={NotFound} />
        </Switch>
      </main>
    </Router>
  );
}

/** What a console shows at an address it has no page for. */
export function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>This console has no page at this address.</p>
    </>
  );
}

/** A section's page: its heading, then its content. */
export function Section(props: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{props.title}</h1>
      {props.children}
    </>
  );
}

/** A section's link, marked as the current page on the section and on its pages below it. */
export function NavLink(props: { path: string; name: string }) {
  const [here] = useRoute(`${props.path}/*?`);
  return (
    <Link href={props.path} aria-current={here ? 'page' : undefined}>
      {props.name}
    </Link>
  );
}
