import { useMutation } from '@tanstack/react-query';
import { Link } from 'wouter';
import { HANDOVER } from '../api.ts';
import { FormProblem, problemOf, words } from '../form.tsx';
import { Section } from '../shell.tsx';
import { platform } from './api.ts';

/** Where the invitation's secret waits while its reader signs in or signs up (this tab only). */
const KEY = 'bazaar.platform.invitation';

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
      You are invited to work on a store. Sign in, or create an account, to accept the invitation.
    </p>
  );
}

/** The signed-in account takes up the invitation and becomes staff of its store. */
export function AcceptInvitation() {
  const token = pendingInvitation();
  const accept = useMutation({
    mutationFn: (token: string) =>
      platform.call(() => platform.client.POST('/api/v1/platform/invitations/accept', { body: { token } })),
    onSettled: (_data, error) => {
      if (!error || problemOf(error).problem?.status === 404) sessionStorage.removeItem(KEY);
    },
  });
  const joined = accept.data;
  if (joined) {
    const session = platform.session()?.accessToken;
    return (
      <Section title="Invitation accepted">
        <p role="status">
          You are now {words(joined.role)} of <strong>{joined.storeName}</strong>.
        </p>
        {joined.consoleUrl && session && (
          <p>
            <a href={`${joined.consoleUrl}#${HANDOVER}=${session}`} target="_blank" rel="noopener noreferrer">
              Open {joined.storeName}'s console
            </a>
          </p>
        )}
      </Section>
    );
  }
  if (problemOf(accept.error).problem?.status === 404)
    return (
      <Section title="Invitation">
        <p role="alert">This invitation was used already, has expired or was withdrawn. Ask for a new one.</p>
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
