import {
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useState,
} from 'react';
import type { Problem } from '../../client/index.ts';
import { ApiError } from './api.ts';

/** The problem an API call failed with, and the message for the field a JSON pointer names. */
export function problemOf(error: unknown): {
  problem: Problem | null;
  errorOf: (pointer: string) => string | undefined;
} {
  const problem = error instanceof ApiError ? error.problem : null;
  const errorOf = (pointer: string) =>
    problem?.errors?.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))?.detail;
  return { problem, errorOf };
}

/** The problem's message for the whole form, as an alert. */
export function FormProblem(props: { error: unknown }) {
  if (!props.error) return null;
  const { problem } = problemOf(props.error);
  const text = problem ? (problem.detail ?? problem.title) : String(props.error);
  return <p role="alert">{text}</p>;
}

interface Labelled {
  id: string;
  label: ReactNode;
  error?: string | undefined;
}

/** The control's attributes that tie it to its message, when there is one. */
const described = (id: string, error: string | undefined) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : undefined,
});

/** A control with its label above it and the API's message for it below it. */
function Labelled(props: Labelled & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

/**
 * A labelled input with the API's message for it beside it: `error` is what `problemOf` answers
 * for the field's JSON pointer.
 */
export function Field(props: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const { id, label, error, ...input } = props;
  return (
    <Labelled id={id} label={label} error={error}>
      <input {...described(id, error)} {...input} />
    </Labelled>
  );
}

/** A labelled choice among `options` (value, label), with the API's message for it beside it. */
export function Choice(
  props: Labelled & {
    options: ReadonlyArray<readonly [string, string]>;
  } & SelectHTMLAttributes<HTMLSelectElement>,
) {
  const { id, label, options, error, ...select } = props;
  return (
    <Labelled id={id} label={label} error={error}>
      <select {...described(id, error)} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A search box: what is typed is searched for when `Find` is pressed (empty: everything). */
export function SearchForm(props: {
  id: string;
  label: string;
  onSearch: (text: string) => void;
  children?: ReactNode;
}) {
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch(typed.trim());
  };
  return (
    <form className="filters" onSubmit={submit}>
      {props.children}
      <Field id={props.id} label={props.label} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <button type="submit">Find</button>
    </form>
  );
}

/** An API word for people: `PARTIALLY_SHIPPED` → "partially shipped". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

/**
 * A date and time of the API for people, in the browser's language; in `timeZone` (the store's,
 * named after the time) when given, else the browser's.
 */
export function when(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, timeZone ? { timeZone, timeZoneName: 'short' } : undefined);
}

/** Minor units of `major` (as typed, e.g. "1299.50") in a currency with `digits` decimals. */
export function minorUnits(major: string, digits: number): number {
  const n = Number(major.trim());
  return major.trim() !== '' && Number.isFinite(n) ? Math.round(n * 10 ** digits) : Number.NaN;
}
