import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The message beside a field, and the attributes that tie it to the control. */
function described(id: string, error: string | undefined) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
}

function FieldError(props: { id: string; error: string | undefined }) {
  if (!props.error) return null;
  return (
    <span className="field-error" id={`${props.id}-error`}>
      {props.error}
    </span>
  );
}

/** A labelled select with the API's message for it beside it (like `Field`). */
export function SelectField(
  props: {
    id: string;
    label: ReactNode;
    error?: string | undefined;
    options: Array<[string, string]>;
  } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>,
) {
  const { id, label, error, options, ...select } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...described(id, error)} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled text area with the API's message for it beside it. */
export function TextAreaField(
  props: { id: string; label: ReactNode; error?: string | undefined } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'id'
  >,
) {
  const { id, label, error, ...area } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} {...described(id, error)} {...area} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** An empty text as null (the API's way to clear an optional field). */
export const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
