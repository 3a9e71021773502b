/** @jsxImportSource preact */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AddressBook } from './addresses.island.tsx';
import {
  buyerSession,
  problemText,
  saveBuyerSession,
  saveCartId,
  savedCartId,
  visitor,
} from './cart-store.ts';
import { Orders } from './orders.island.tsx';
import { ForgotPassword } from './reset.island.tsx';
import { acceptedOf, TermsCheckboxes, TermsPrompt, type TermsToAccept } from './terms.island.tsx';
import { Wishlists } from './wishlist.island.tsx';

/** Keeps the buyer's tokens; a guest cart of this browser is merged into the account's cart. */
async function startSession(tokens: { accessToken: string; refreshToken: string }): Promise<void> {
  saveBuyerSession(tokens);
  const guestCart = savedCartId();
  if (!guestCart) return;
  const path = { id: guestCart };
  const merged = await visitor((api) => api.POST('/api/v1/carts/{id}/merge', { params: { path } }));
  saveCartId(merged.data?.id ?? null);
}

type Mode = 'sign-in' | 'register' | 'forgot';

/** Signs in, or creates the account (and signs in); the problem's text when it fails. */
async function enter(
  mode: Mode,
  fields: { name: string; email: string; password: string },
  acceptedTerms: Array<{ kind: string; version: number }> = [],
): Promise<string | null> {
  const { name, email, password } = fields;
  const terms = acceptedTerms.length > 0 ? { acceptedTerms } : {};
  const answer =
    mode === 'sign-in'
      ? await visitor((api) => api.POST('/api/v1/auth/login', { body: { email, password } }))
      : await visitor((api) =>
          api.POST('/api/v1/auth/register', { body: { name, email, password, ...terms } }),
        );
  if (!answer.data) return problemText(answer);
  await startSession(answer.data);
  return null;
}

type Fields = { name: string; email: string; password: string };

/** The input of each field: its type and what a browser may fill it with. */
const INPUTS = {
  name: { type: 'text', autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'username' },
  password: { type: 'password', autocomplete: 'current-password' },
} as const;

function Field(props: {
  name: keyof Fields;
  label: string;
  fields: Fields;
  onInput: (value: string) => void;
  autocomplete?: string;
}) {
  const id = `account-${props.name}`;
  const input = INPUTS[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        // Preact's types tell input types apart; this is one of the three above
        type={input.type as 'text'}
        autocomplete={props.autocomplete ?? input.autocomplete}
        value={props.fields[props.name]}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** Sign in, or (after "Create an account") sign up with a name, email and password. */
function SignInForm(props: { onSignedIn: () => void; terms: TermsToAccept[] }) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [accepted, setAccepted] = useState<string[]>([]);
  const [fields, setFields] = useState({ name: '', email: '', password: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof typeof fields) => (value: string) => setFields({ ...fields, [name]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const failed = await enter(mode, fields, acceptedOf(props.terms, accepted));
    if (failed) return setProblem(failed);
    props.onSignedIn();
  };
  const registering = mode === 'register';
  if (mode === 'forgot') return <ForgotPassword onBack={() => setMode('sign-in')} />;
  return (
    <form class="checkout" onSubmit={(e) => void submit(e)}>
      {registering && <Field name="name" label="Name" fields={fields} onInput={set('name')} />}
      <Field name="email" label="Email" fields={fields} onInput={set('email')} />
      <Field
        name="password"
        label="Password"
        fields={fields}
        onInput={set('password')}
        autocomplete={registering ? 'new-password' : 'current-password'}
      />
      {registering && (
        <TermsCheckboxes terms={props.terms} idPrefix="account" accepted={accepted} onChange={setAccepted} />
      )}
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">{registering ? 'Create account' : 'Sign in'}</button>
      <p>
        <button
          type="button"
          class="link"
          onClick={() => {
            setProblem(null);
            setMode(registering ? 'sign-in' : 'register');
          }}
        >
          {registering ? 'I have an account' : 'Create an account'}
        </button>
      </p>
      {!registering && (
        <p>
          <button type="button" class="link" onClick={() => setMode('forgot')}>
            Forgot password?
          </button>
        </p>
      )}
    </form>
  );
}

/** Ends the session here and at the API (the refresh token revoked). */
async function signOut(): Promise<void> {
  const refreshToken = buyerSession()?.refreshToken;
  if (refreshToken) await visitor((api) => api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
  saveBuyerSession(null);
  saveCartId(null);
}

/** The signed-in buyer's account: orders, addresses, wishlist, and `Sign out`. */
function Signed(props: { language: string; onSignedOut: () => void }) {
  return (
    <>
      <nav aria-label="Your account" class="account-links">
        <a href="/account/notifications">Your notifications</a>
        <a href="/account/notifications/preferences">Notification preferences</a>
        <a href="/account/payment-methods">Payment methods</a>
      </nav>
      <TermsPrompt />
      <Orders language={props.language} onSignedOut={props.onSignedOut} />
      <AddressBook />
      <Wishlists language={props.language} />
      <p>
        <button type="button" onClick={() => void signOut().then(props.onSignedOut)}>
          Sign out
        </button>
      </p>
    </>
  );
}

/** The account page: sign in, then the buyer's orders. */
export function AccountPanel(props: { language: string; terms?: TermsToAccept[] }) {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => setSignedIn(Boolean(buyerSession())), []);
  const signedOut = useCallback(() => setSignedIn(false), []);
  if (signedIn === null) return <p>Loading…</p>;
  return signedIn ? (
    <Signed language={props.language} onSignedOut={signedOut} />
  ) : (
    <SignInForm onSignedIn={() => setSignedIn(true)} terms={props.terms ?? []} />
  );
}
