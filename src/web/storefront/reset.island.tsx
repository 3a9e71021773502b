/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { visitor } from './cart-store.ts';
import { fieldErrors, problemOf, TextField } from './form.tsx';

/** "Forgot password?": the email to mail a reset code to (the same answer for any email). */
export function ForgotPassword(props: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await visitor((api) => api.POST('/api/v1/auth/password-reset', { body: { email } }));
    if (answer.data) return setSent(answer.data.detail);
    const found = problemOf(answer);
    setError(fieldErrors(found, ['email'] as const).email);
    setProblem(found.detail ?? found.title);
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Reset your password</h2>
      <p>We mail you a code and a link to set a new password.</p>
      <TextField
        id="reset-email"
        label="Email"
        type="email"
        autocomplete="username"
        value={email}
        error={error}
        onInput={setEmail}
      />
      {problem && <p role="alert">{problem}</p>}
      {sent && <p role="status">{sent}</p>}
      <button type="submit">Send reset code</button>
      <p>
        <button type="button" class="link" onClick={props.onBack}>
          Back to sign in
        </button>
      </p>
    </form>
  );
}

/** The page the reset mail links to: the code (from the link) and the new password. */
export function ResetPassword(props: { token: string }) {
  const [fields, setFields] = useState({ token: props.token, password: '' });
  const [errors, setErrors] = useState<{ token?: string; password?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <p role="status">
        Your new password is set and every other session signed out. <a href="/account">Sign in</a>
      </p>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { token: fields.token.trim(), password: fields.password };
    const answer = await visitor((api) => api.POST('/api/v1/auth/password-reset/confirm', { body }));
    if (answer.response.ok) return setDone(true);
    const found = problemOf(answer);
    setErrors(fieldErrors(found, ['token', 'password'] as const));
    setProblem(found.detail ?? found.title);
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="reset-token"
        label="Reset code"
        autocomplete="one-time-code"
        value={fields.token}
        error={errors.token}
        onInput={(token) => setFields({ ...fields, token })}
      />
      <TextField
        id="reset-password"
        label="New password"
        type="password"
        autocomplete="new-password"
        value={fields.password}
        error={errors.password}
        onInput={(password) => setFields({ ...fields, password })}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Set new password</button>
    </form>
  );
}
