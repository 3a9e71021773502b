/** @jsxImportSource preact */
import type { Problem } from '../../client/index.ts';

/** The problem+json of a failed call (a title of its own when the body had none). */
export function problemOf(answer: { error?: unknown; response: Response }): Problem {
  const problem = (answer.error ?? {}) as Partial<Problem>;
  return {
    ...problem,
    type: problem.type ?? '',
    status: problem.status ?? answer.response.status,
    title: problem.title ?? `Request failed (${answer.response.status})`,
  };
}

/**
 * The message of each field the problem's JSON pointers name, by the pointer's last part
 * (`/shippingAddress/city` → `city`), for the fields in `names`.
 */
export function fieldErrors<F extends string>(
  problem: Problem,
  names: readonly F[],
): Partial<Record<F, string>> {
  const byField: Partial<Record<F, string>> = {};
  for (const e of problem.errors ?? []) {
    const last = e.pointer?.split('/').at(-1) as F | undefined;
    if (last && names.includes(last)) byField[last] = e.detail ?? 'Check this field';
  }
  return byField;
}

/** A labelled input with the API's message about it beside it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'tel';
  autocomplete?: string;
  min?: number;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        // Preact's types tell input types apart; each of these takes the same attributes here
        type={(props.type ?? 'text') as 'text'}
        autocomplete={props.autocomplete}
        min={props.min}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && (
        <span id={errorId} class="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A postal address's fields: the name each has in the API, its label and its autocomplete. */
export const ADDRESS_FIELDS = [
  ['name', 'Name', 'name'],
  ['line1', 'Address line 1', 'address-line1'],
  ['city', 'City', 'address-level2'],
  ['state', 'State', 'address-level1'],
  ['postalCode', 'Postal code', 'postal-code'],
  ['country', 'Country', 'country'],
] as const;

export type AddressField = (typeof ADDRESS_FIELDS)[number][0];
export type AddressValues = Record<AddressField, string>;
export const ADDRESS_NAMES = ADDRESS_FIELDS.map(([name]) => name);
export const emptyAddress = (): AddressValues => ({
  name: '',
  line1: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
});

/** The address fields of a form, each with its error; ids start with `prefix`. */
export function AddressFields(props: {
  prefix: string;
  values: AddressValues;
  errors: Partial<Record<AddressField, string>>;
  onChange: (values: AddressValues) => void;
}) {
  return (
    <>
      {ADDRESS_FIELDS.map(([name, label, autocomplete]) => (
        <TextField
          key={name}
          id={`${props.prefix}-${name}`}
          label={label}
          autocomplete={autocomplete}
          value={props.values[name]}
          error={props.errors[name]}
          onInput={(value) => props.onChange({ ...props.values, [name]: value })}
        />
      ))}
    </>
  );
}
