/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { visitor } from './cart-store.ts';
import { fieldErrors, problemOf, TextField } from './form.tsx';

/**
 * The page the verification mail links to: the code (from the link) and a button. Nothing is
 * confirmed on opening the link alone, so a mail scanner that follows links spends no code.
 */
export function VerifyEmail(props: { token: string }) {
  const [token, setToken] = useState(props.token);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  if (confirmed)
    return (
      <p role="status">
        {confirmed} is confirmed. <a href="/account">Go to your account</a>
      </p>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { token: token.trim() };
    const answer = await visitor((api) => api.POST('/api/v1/auth/verify-email', { body }));
    if (answer.data) return setConfirmed(answer.data.email);
    const found = problemOf(answer);
    setError(fieldErrors(found, ['token'] as const).token ?? found.detail ?? found.title);
    setProblem(found.detail ?? found.title);
  };
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="verify-token"
        label="Confirmation code"
        autocomplete="one-time-code"
        value={token}
        error={error}
        onInput={setToken}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Confirm my email address</button>
    </form>
  );
}
