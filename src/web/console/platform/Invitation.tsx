import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { Field, FormProblem, problemOf, words } from '../form.tsx';
import { Section } from '../shell.tsx';
import { type InvitationAccepted, platform } from './api.ts';
import { MEMBERSHIPS_KEY } from './Memberships.tsx';
import { OpenStoreConsole, originOf } from './StoreConsole.tsx';

/** Where the invitation's secret waits while its reader signs in or signs up (this tab only). */
const KEY = 'bazaar.platform.invitation';

/** The invitation just taken up by signing up, for the page the new account lands on. */
const JOINED_KEY = ['invitation', 'joined'];

/**
 * The mailed link is `/platform/invitations#invitation={secret}`: the secret is kept for this tab
 * and taken out of the address and the history at once (the fragment never reaches a server).
 */
export function takeInvitationFromAddress(): void {
  const prefix = '#invitation=';
  if (!window.location.hash.startsWith(prefix)) return;
  const token = window.location.hash.slice(prefix.length);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (/^[\w-]{20,200}$/.test(token)) sessionStorage.setItem(KEY, token);
}

/** The invitation this tab holds, if any. */
export function pendingInvitation(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Above the sign-in form, for someone who came by an invitation's link. */
export function InvitationNotice() {
  if (!pendingInvitation()) return null;
  return (
    <p role="status" className="card">
      You are invited to work on a store. Create your account, or sign in to the one you have, to accept the
      invitation.
    </p>
  );
}

const GONE = 'This invitation was used already, has expired or was withdrawn. Ask for a new one.';

/**
 * Someone invited with no platform account: a name and a password make an account with the
 * address the invitation was sent to, and take the invitation up (POST /platform/invitations/sign-up).
 * The account has no role of its own: it works in the stores that invited it.
 */
export function InvitationSignUp(props: { onSignedIn: () => void; onSignIn: () => void }) {
  const queries = useQueryClient();
  const [values, setValues] = useState({ name: '', password: '' });
  const signUp = useMutation({
    mutationFn: (token: string) =>
      platform.call(() =>
        platform.client.POST('/api/v1/platform/invitations/sign-up', { body: { token, ...values } }),
      ),
    onSuccess: (made) => {
      sessionStorage.removeItem(KEY);
      platform.saveSession({ accessToken: made.accessToken, refreshToken: made.refreshToken });
      queries.setQueryData(JOINED_KEY, made.accepted);
      props.onSignedIn();
    },
    onError: (error) => {
      if (problemOf(error).problem?.status === 404) sessionStorage.removeItem(KEY);
    },
  });
  const { problem, errorOf } = problemOf(signUp.error);
  const token = pendingInvitation();
  if (problem?.status === 404 || !token) return <p role="alert">{GONE}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(token);
  };
  return (
    <form aria-label="Create your account" onSubmit={submit} noValidate>
      <h2>Create your account</h2>
      <p>Your account will use the email address the invitation was sent to.</p>
      <Field
        id="invited-name"
        label="Name"
        autoComplete="name"
        value={values.name}
        error={errorOf('/name')}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
      />
      <Field
        id="invited-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        error={errorOf('/password')}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
      />
      {problem?.status === 409 ? (
        <p role="alert">
          {problem.detail}{' '}
          <button type="button" className="link" onClick={props.onSignIn}>
            Sign in
          </button>
        </p>
      ) : (
        !errorOf('/name') && !errorOf('/password') && <FormProblem error={signUp.error} />
      )}
      <button type="submit" disabled={signUp.isPending}>
        Create account and accept
      </button>
    </form>
  );
}

/** The signed-in account takes up the invitation and becomes staff of its store. */
export function AcceptInvitation() {
  const queries = useQueryClient();
  const [signedUpInto] = useState(() => queries.getQueryData<InvitationAccepted>(JOINED_KEY));
  const token = pendingInvitation();
  const accept = useMutation({
    mutationFn: (token: string) =>
      platform.call(() => platform.client.POST('/api/v1/platform/invitations/accept', { body: { token } })),
    onSettled: (_data, error) => {
      if (!error || problemOf(error).problem?.status === 404) sessionStorage.removeItem(KEY);
      void queries.invalidateQueries({ queryKey: MEMBERSHIPS_KEY });
    },
  });
  const joined = accept.data ?? (token ? undefined : signedUpInto);
  if (joined) return <Joined joined={joined} />;
  if (problemOf(accept.error).problem?.status === 404)
    return (
      <Section title="Invitation">
        <p role="alert">{GONE}</p>
      </Section>
    );
  if (!token)
    return (
      <Section title="Invitation">
        <p>There is no invitation to accept: open the link in your invitation mail.</p>
        <Link href="/">Go to the console</Link>
      </Section>
    );
  return (
    <Section title="Invitation">
      <p>You are invited to work on a store. Accept to join its staff with this account.</p>
      <FormProblem error={accept.error} />
      <button type="button" onClick={() => accept.mutate(token)} disabled={accept.isPending}>
        Accept invitation
      </button>
    </Section>
  );
}

/** The store just joined, and the way into its console (a session bound to that store). */
function Joined(props: { joined: InvitationAccepted }) {
  const { joined } = props;
  const origin = originOf(joined.consoleUrl);
  return (
    <Section title="Invitation accepted">
      <p role="status">
        You are now {words(joined.role)} of <strong>{joined.storeName}</strong>.
      </p>
      <ul className="links">
        {origin && (
          <li>
            <OpenStoreConsole
              storeId={joined.storeId}
              origin={origin}
              label={`Open ${joined.storeName}'s console`}
            />
          </li>
        )}
        <li>
          <Link href="/staff-roles">All the stores you work on</Link>
        </li>
      </ul>
    </Section>
  );
}
