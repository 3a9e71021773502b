import type { InputHTMLAttributes, ReactNode } from 'react';
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

/** Minor units of `major` (as typed, e.g. "1299.50") in a currency with `digits` decimals. */
export function minorUnits(major: string, digits: number): number {
  const n = Number(major.trim());
  return major.trim() !== '' && Number.isFinite(n) ? Math.round(n * 10 ** digits) : Number.NaN;
}
