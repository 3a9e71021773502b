import { type FormEvent, useState } from 'react';
import { ApiError, bazaar, call, saveSession } from './api.ts';

/** The sign-in form; on success the session is kept and `onSignedIn` called. */
export function SignIn(props: { title: string; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      saveSession(await call(() => bazaar.POST('/api/v1/auth/login', { body: { email, password } })));
      props.onSignedIn();
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <h1>{props.title}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
