import { type FormEvent, useState } from 'react';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { platform } from './api.ts';

/** A form's submission: the call's problem, whether it is on its way, whether it is done. */
function useSubmit(run: () => Promise<unknown>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    run()
      .then(() => setDone(true))
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return { error, busy, done, submit };
}

/** "Forgot password?": asks for a reset mail; the answer is the same whether or not the email has an account. */
export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const { error, busy, done, submit } = useSubmit(() =>
    platform.call(() => platform.client.POST('/api/v1/platform/auth/password-reset', { body: { email } })),
  );
  const { errorOf } = problemOf(error);
  if (done)
    return (
      <p role="status">
        If a platform account uses {email}, a message with a link to reset its password is on its way. The
        link works once, for an hour.
      </p>
    );
  return (
    <form aria-label="Reset password" onSubmit={submit} noValidate>
      <h2>Reset your password</h2>
      <p>We will mail you a link to choose a new password.</p>
      <Field
        id="reset-email"
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        error={errorOf('/email')}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormProblem error={error} />
      <button type="submit" disabled={busy}>
        Send reset link
      </button>
    </form>
  );
}

/** The code of the reset link (`/platform/reset#token=…`), taken out of the address at once. */
function takeResetCode(): string {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  return code;
}

/** /platform/reset: choose a new password with the mailed code; then sign in with it. */
export function ResetPassword() {
  const [token] = useState(takeResetCode);
  const [password, setPassword] = useState('');
  const { error, busy, done, submit } = useSubmit(() =>
    platform.call(() =>
      platform.client.POST('/api/v1/platform/auth/password-reset/confirm', { body: { token, password } }),
    ),
  );
  const { errorOf } = problemOf(error);
  return (
    <main className="sign-in">
      <h1>Bazaar platform</h1>
      {done ? (
        <p role="status">
          Your password is changed and every session of the account is signed out.{' '}
          <a href="/platform">Sign in</a> with the new password.
        </p>
      ) : token ? (
        <form aria-label="Choose a new password" onSubmit={submit} noValidate>
          <h2>Choose a new password</h2>
          <p>
            At least 10 characters, and not a common password. Setting it signs the account out everywhere.
          </p>
          <Field
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            error={errorOf('/password')}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FormProblem error={error} />
          <button type="submit" disabled={busy}>
            Set password
          </button>
        </form>
      ) : (
        <p role="alert">
          This reset link is incomplete. <a href="/platform">Ask for a new one</a> from the sign-in page.
        </p>
      )}
    </main>
  );
}
