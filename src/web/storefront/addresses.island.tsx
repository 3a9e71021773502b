/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { problemText, visitor } from './cart-store.ts';
import { addressValues, type SavedAddress } from './checkout-options.tsx';
import {
  ADDRESS_NAMES,
  type AddressField,
  AddressFields,
  type AddressValues,
  emptyAddress,
  fieldErrors,
  problemOf,
  TextField,
} from './form.tsx';

/** Adds an address, or changes the one given; the API's messages beside their fields. */
function AddressForm(props: { editing: SavedAddress | null; onSaved: () => void; onCancel: () => void }) {
  const { editing } = props;
  const [values, setValues] = useState<AddressValues>(editing ? addressValues(editing) : emptyAddress());
  const [label, setLabel] = useState(editing?.label ?? '');
  const [errors, setErrors] = useState<Partial<Record<AddressField | 'label', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...values, ...(label.trim() ? { label: label.trim() } : {}) };
    const answer = editing
      ? await visitor((api) =>
          api.PATCH('/api/v1/me/addresses/{id}', { params: { path: { id: editing.id } }, body }),
        )
      : await visitor((api) => api.POST('/api/v1/me/addresses', { body }));
    if (answer.data) return props.onSaved();
    const found = problemOf(answer);
    setErrors(fieldErrors(found, [...ADDRESS_NAMES, 'label'] as const));
    setProblem(found.detail ?? found.title);
  };
  return (
    <form
      class="checkout"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={editing ? 'Edit address' : 'New address'}
    >
      <TextField
        id="address-label"
        label="Label (Home, Work…)"
        value={label}
        error={errors.label}
        onInput={setLabel}
      />
      <AddressFields prefix="address" values={values} errors={errors} onChange={setValues} />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Save address</button>{' '}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** The buyer's saved addresses: add, edit, delete. */
export function AddressBook() {
  const [addresses, setAddresses] = useState<SavedAddress[] | null>(null);
  const [editing, setEditing] = useState<SavedAddress | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round;
    void visitor((api) => api.GET('/api/v1/me/addresses', { params: { query: { limit: 50 } } })).then(
      (answer) => (answer.data ? setAddresses(answer.data.items) : setProblem(problemText(answer))),
    );
  }, [round]);
  const reload = () => {
    setEditing(null);
    setRound(round + 1);
  };
  const remove = async (a: SavedAddress) => {
    const answer = await visitor((api) =>
      api.DELETE('/api/v1/me/addresses/{id}', { params: { path: { id: a.id } } }),
    );
    if (!answer.response.ok) return setProblem(problemText(answer));
    reload();
  };
  return (
    <section aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">Your addresses</h2>
      {problem && <p role="alert">{problem}</p>}
      {addresses?.length === 0 && <p>No saved addresses.</p>}
      <ul class="cart-lines">
        {addresses?.map((a) => (
          <li key={a.id}>
            <span class="name">
              {a.label && <strong>{a.label}: </strong>}
              {a.name}, {a.line1}, {a.city}, {a.state} {a.postalCode}, {a.country}
            </span>
            <button type="button" class="link" onClick={() => setEditing(a)} aria-label={`Edit ${a.line1}`}>
              Edit
            </button>
            <button
              type="button"
              class="link"
              onClick={() => void remove(a)}
              aria-label={`Delete ${a.line1}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <AddressForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onSaved={reload}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add an address
        </button>
      )}
    </section>
  );
}
