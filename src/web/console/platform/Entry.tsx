import { type FormEvent, useState } from 'react';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { platform } from './api.ts';
import { InvitationNotice, InvitationSignUp, pendingInvitation } from './Invitation.tsx';
import { ForgotPassword } from './Reset.tsx';

/**
 * Signing in to the platform, signing up as a business owner, or asking for a password reset. Who
 * came by an invitation's link is offered an account of its own through the invitation instead of
 * a business owner's.
 */
export function Entry(props: { onSignedIn: () => void }) {
  const invited = pendingInvitation() !== null;
  const [mode, setMode] = useState<'signIn' | 'signUp' | 'invited' | 'forgot'>(
    invited ? 'invited' : 'signIn',
  );
  const newAccount = invited ? 'invited' : 'signUp';
  return (
    <main className="sign-in">
      <h1>Bazaar platform</h1>
      <InvitationNotice />
      {mode === 'invited' && (
        <InvitationSignUp onSignedIn={props.onSignedIn} onSignIn={() => setMode('signIn')} />
      )}
      {mode === 'signUp' && <SignUp onSignedIn={props.onSignedIn} />}
      {mode === 'signIn' && <SignIn onSignedIn={props.onSignedIn} />}
      {mode === 'forgot' && <ForgotPassword />}
      {mode === 'signIn' && (
        <p>
          <button type="button" className="link" onClick={() => setMode('forgot')}>
            Forgot password?
          </button>
        </p>
      )}
      <p>
        <button
          type="button"
          className="link"
          onClick={() => setMode(mode === 'signIn' ? newAccount : 'signIn')}
        >
          {mode !== 'signIn'
            ? 'I have an account: sign in'
            : invited
              ? 'New here? Create your account'
              : 'New here? Create an account'}
        </button>
      </p>
    </main>
  );
}

/** The form's state and its submission: the call's problem, and whether it is on its way. */
function useSubmit(run: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return { error, busy, submit: (e: FormEvent) => void submit(e) };
}

function SignIn(props: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    const body = { email, password };
    platform.saveSession(
      await platform.call(() => platform.client.POST('/api/v1/platform/auth/login', { body })),
    );
    props.onSignedIn();
  });
  return (
    <form aria-label="Sign in" onSubmit={submit} noValidate>
      <h2>Sign in</h2>
      <Field
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormProblem error={error} />
      <button type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

function SignUp(props: { onSignedIn: () => void }) {
  const [values, setValues] = useState({ businessName: '', name: '', email: '', password: '' });
  const { error, busy, submit } = useSubmit(async () => {
    const made = await platform.call(() => platform.client.POST('/api/v1/platform/signup', { body: values }));
    platform.saveSession({ accessToken: made.accessToken, refreshToken: made.refreshToken });
    props.onSignedIn();
  });
  const { errorOf } = problemOf(error);
  const field = (name: keyof typeof values, label: string, type = 'text', autoComplete?: string) => (
    <Field
      id={`signup-${name}`}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      error={errorOf(`/${name}`)}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
    />
  );
  return (
    <form aria-label="Sign up" onSubmit={submit} noValidate>
      <h2>Sign up</h2>
      {field('businessName', 'Business name', 'text', 'organization')}
      {field('name', 'Name', 'text', 'name')}
      {field('email', 'Email', 'email', 'username')}
      {field('password', 'Password', 'password', 'new-password')}
      <FormProblem error={error} />
      <button type="submit" disabled={busy}>
        Sign up
      </button>
    </form>
  );
}
