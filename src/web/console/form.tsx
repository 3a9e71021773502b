import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
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

/**
 * A labelled input with the API's message for it beside it: `error` is what `problemOf` answers
 * for the field's JSON pointer.
 */
export function Field(
  props: { id: string; label: ReactNode; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { id, label, error, ...input } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled choice among `options` (value, label), with the API's message for it beside it. */
export function Choice(
  props: {
    id: string;
    label: ReactNode;
    options: ReadonlyArray<readonly [string, string]>;
    error?: string | undefined;
  } & SelectHTMLAttributes<HTMLSelectElement>,
) {
  const { id, label, options, error, ...select } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** An API word for people: `PARTIALLY_SHIPPED` → "partially shipped". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

/** A date and time of the API for people, in the browser's language. */
export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** Minor units of `major` (as typed, e.g. "1299.50") in a currency with `digits` decimals. */
export function minorUnits(major: string, digits: number): number {
  const n = Number(major.trim());
  return major.trim() !== '' && Number.isFinite(n) ? Math.round(n * 10 ** digits) : Number.NaN;
}
