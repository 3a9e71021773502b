/** @jsxImportSource preact */
// The store's terms in the storefront's forms: a checkbox per kind to accept (sign-up, checkout),
// and the account's prompt to accept a new version.
import { useEffect, useState } from 'preact/hooks';
import { problemText, visitor } from './cart-store.ts';

/** A kind of terms a form asks the visitor to accept: its current version. */
export interface TermsToAccept {
  kind: string;
  version: number;
  title: string;
}

/** `I accept the terms of sale` (linking to the text) for each kind; `accepted` holds the kinds ticked. */
export function TermsCheckboxes(props: {
  terms: TermsToAccept[];
  idPrefix: string;
  accepted: string[];
  onChange: (kinds: string[]) => void;
}) {
  return (
    <>
      {props.terms.map((t) => {
        const id = `${props.idPrefix}-terms-${t.kind}`;
        const checked = props.accepted.includes(t.kind);
        return (
          <p key={t.kind} class="terms-accept">
            <input
              id={id}
              type="checkbox"
              checked={checked}
              onChange={() =>
                props.onChange(
                  checked ? props.accepted.filter((k) => k !== t.kind) : [...props.accepted, t.kind],
                )
              }
            />
            <label for={id}>I accept the {t.title.toLowerCase()}</label>{' '}
            <a href={`/terms/${t.kind}`} target="_blank" rel="noopener">
              (read version {t.version})
            </a>
          </p>
        );
      })}
    </>
  );
}

/** The request's `acceptedTerms` for the kinds ticked. */
export function acceptedOf(terms: TermsToAccept[], kinds: string[]) {
  return terms.filter((t) => kinds.includes(t.kind)).map((t) => ({ kind: t.kind, version: t.version }));
}

type MyTerms = Array<{ kind: string; title: string; currentVersion: number; pending: boolean }>;

/** The signed-in user's pending terms (a new version asks again), each with a button to accept it. */
export function TermsPrompt() {
  const [pending, setPending] = useState<MyTerms>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void visitor((api) => api.GET('/api/v1/me/terms', {})).then((answer) => {
      if (answer.data) setPending(answer.data.items.filter((i) => i.pending));
    });
  }, []);
  if (pending.length === 0) return null;
  const accept = async (item: MyTerms[number]) => {
    const body = { acceptedTerms: [{ kind: item.kind, version: item.currentVersion }] };
    const answer = await visitor((api) => api.POST('/api/v1/me/terms/accept', { body }));
    if (!answer.data) return setProblem(problemText(answer));
    setProblem(null);
    setPending(answer.data.items.filter((i) => i.pending));
  };
  return (
    <section aria-label="Updated terms" class="notice-box">
      <h2>Updated terms</h2>
      {pending.map((item) => (
        <p key={item.kind}>
          The <a href={`/terms/${item.kind}`}>{item.title}</a> changed (version {item.currentVersion}).{' '}
          <button type="button" onClick={() => void accept(item)}>
            Accept the {item.title.toLowerCase()}
          </button>
        </p>
      ))}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
