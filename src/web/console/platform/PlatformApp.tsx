import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { NavLink, NotFound } from '../shell.tsx';
import { fetchMe, platform } from './api.ts';
import { DomainPage } from './Domain.tsx';
import { Entry } from './Entry.tsx';
import { AcceptInvitation, takeInvitationFromAddress } from './Invitation.tsx';
import { fetchMemberships, MEMBERSHIPS_KEY, Memberships } from './Memberships.tsx';
import { PlansAdmin } from './Plans.tsx';
import { ResetPassword } from './Reset.tsx';
import { StaffPage } from './Staff.tsx';
import { StorePage } from './StorePage.tsx';
import { Stores } from './Stores.tsx';
import { TenantPlan } from './TenantPlan.tsx';
import { Tenants } from './Tenants.tsx';

interface Section {
  path: string;
  name: string;
  component: ComponentType;
}

/** What a business owner opens: its stores and its plan. */
const OWNER: Section[] = [
  { path: '/stores', name: 'Stores', component: Stores },
  { path: '/plan', name: 'Plan', component: TenantPlan },
];

/**
 * What invited staff open: the stores they work on. An account with no role of its own (signed up
 * through an invitation) has this only; a business owner has it too once it works in another's store.
 */
const STAFF: Section[] = [{ path: '/staff-roles', name: 'Staff roles', component: Memberships }];

/** What the platform's SUPER_ADMIN opens: the plan catalogue and the tenants. */
const SUPER_ADMIN: Section[] = [
  { path: '/plans', name: 'Plans', component: PlansAdmin },
  { path: '/tenants', name: 'Tenants', component: Tenants },
];

// an invitation's link: its secret is kept for the tab before anything else reads the address
takeInvitationFromAddress();

/** The platform console at /platform: its own sign-in (platform accounts), then the account's sections. */
export function PlatformApp() {
  const [signedIn, setSignedIn] = useState(Boolean(platform.session()));
  const queries = useQueryClient();
  document.title = 'Platform console';
  // the mailed reset link opens this page, signed in or not
  if (window.location.pathname.replace(/\/$/, '') === '/platform/reset') return <ResetPassword />;
  if (!signedIn) return <Entry onSignedIn={() => setSignedIn(true)} />;
  const signOut = async () => {
    const refreshToken = platform.session()?.refreshToken;
    platform.saveSession(null);
    queries.clear();
    // the next account starts on its own first section
    window.history.replaceState(null, '', '/platform');
    setSignedIn(false);
    if (refreshToken) await platform.client.POST('/api/v1/platform/auth/logout', { body: { refreshToken } });
  };
  return <SignedIn onSignOut={() => void signOut()} />;
}

function SignedIn(props: { onSignOut: () => void }) {
  const me = useQuery({ queryKey: ['/platform/me'], queryFn: fetchMe });
  const owner = me.data?.roles.includes('BUSINESS_OWNER') ?? false;
  // a business owner's own stores are no memberships: it is asked whether it works in others'
  const memberships = useQuery({ queryKey: MEMBERSHIPS_KEY, queryFn: fetchMemberships, enabled: owner });
  if (me.isPending) return <p>Loading…</p>;
  if (me.isError) return <p role="alert">{me.error.message}</p>;
  const roles: string[] = me.data.roles;
  const sections = [
    ...(owner ? OWNER : []),
    ...(roles.includes('SUPER_ADMIN') ? SUPER_ADMIN : []),
    ...(roles.length === 0 || (owner && memberships.data?.length) ? STAFF : []),
  ];
  return (
    <Router base="/platform">
      <header className="bar">
        <strong>Platform console</strong>
        <nav aria-label="Sections">
          {sections.map((s) => (
            <NavLink key={s.path} path={s.path} name={s.name} />
          ))}
        </nav>
        <span>{me.data.name}</span>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main>
        <Switch>
          <Route path="/invitations" component={AcceptInvitation} />
          {sections.map((s) => (
            <Route key={s.path} path={s.path} component={s.component} />
          ))}
          {/* the page an accepted invitation links to, whatever else the account is */}
          <Route path={STAFF[0]!.path} component={Memberships} />
          {roles.includes('BUSINESS_OWNER') && <Route path="/stores/:id/domain" component={DomainPage} />}
          {roles.includes('BUSINESS_OWNER') && <Route path="/stores/:id/staff" component={StaffPage} />}
          {roles.includes('BUSINESS_OWNER') && <Route path="/stores/:id" component={StorePage} />}
          <Route path="/">
            {sections.length === 0 ? (
              <p role="alert">This account has nothing to manage on the platform.</p>
            ) : (
              <Redirect to={sections[0]!.path} replace />
            )}
          </Route>
          <Route component={NotFound} />
        </Switch>
      </main>
    </Router>
  );
}
