import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextAreaField } from './catalog/fields.tsx';
import { Field, FormProblem, problemOf } from './form.tsx';

/** One input of an `ActionForm`, and the JSON pointer of the API's body it fills. */
export interface FormField {
  name: string;
  label: string;
  pointer: string;
  /** text (the default), a number typed as text, a date, a yes/no box, a choice of `options` or a long text. */
  kind?: 'text' | 'number' | 'date' | 'checkbox' | 'select' | 'textarea';
  options?: ReadonlyArray<readonly [value: string, label: string]>;
}

/** The form's values by field name; a checkbox is 'true' or ''. */
export type FormValues = Record<string, string>;

/**
 * A form that sends one call of the API: its fields labelled, the API's message for each beside
 * it, the whole problem as an alert, and `Saved` once the call succeeded (the cache keys in
 * `invalidate` are reloaded). The form's accessible name is its title.
 */
export function ActionForm(props: {
  id: string;
  title: string;
  submit: string;
  fields: FormField[];
  initial?: FormValues;
  run: (values: FormValues) => Promise<unknown>;
  invalidate?: string[][];
  /** Empty the fields once saved (a form for a new thing). */
  clearOnSave?: boolean;
}) {
  const client = useQueryClient();
  const blank = Object.fromEntries(props.fields.map((f) => [f.name, f.options?.[0]?.[0] ?? '']));
  const [values, setValues] = useState<FormValues>({ ...blank, ...props.initial });
  const send = useMutation({
    mutationFn: () => props.run(values),
    onSuccess: async () => {
      await Promise.all((props.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      if (props.clearOnSave) setValues({ ...blank, ...props.initial });
    },
  });
  const { errorOf } = problemOf(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const set = (name: string, value: string) => {
    setValues({ ...values, [name]: value });
    send.reset();
  };
  return (
    <form className="action-form" aria-labelledby={`${props.id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.fields.map((f) => (
        <Input
          key={f.name}
          id={`${props.id}-${f.name}`}
          field={f}
          value={values[f.name] ?? ''}
          error={errorOf(f.pointer)}
          onChange={(v) => set(f.name, v)}
        />
      ))}
      <FormProblem error={send.error} />
      {send.isSuccess && <p role="status">Saved</p>}
      <button type="submit" disabled={send.isPending}>
        {props.submit}
      </button>
    </form>
  );
}

function Input(props: {
  id: string;
  field: FormField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { id, field, value, error } = props;
  if (field.kind === 'checkbox')
    return (
      <div className="field">
        <label>
          <input
            id={id}
            type="checkbox"
            checked={value === 'true'}
            onChange={(e) => props.onChange(e.target.checked ? 'true' : '')}
          />{' '}
          {field.label}
        </label>
        {error && <span className="field-error">{error}</span>}
      </div>
    );
  if (field.kind === 'textarea')
    return (
      <TextAreaField
        id={id}
        label={field.label}
        error={error}
        rows={6}
        value={value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  if (field.kind === 'select')
    return (
      <div className="field">
        <label htmlFor={id}>{field.label}</label>
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {(field.options ?? []).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
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
  return (
    <Field
      id={id}
      label={field.label}
      error={error}
      type={field.kind === 'date' ? 'date' : 'text'}
      inputMode={field.kind === 'number' ? 'decimal' : undefined}
      value={value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** A typed whole number, or NaN (sent as null, so the API names the field) for anything else. */
export function wholeNumber(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** A typed text, or undefined when left empty (an optional field of the API's body). */
export function optional(text: string | undefined): string | undefined {
  return text?.trim() ? text.trim() : undefined;
}
