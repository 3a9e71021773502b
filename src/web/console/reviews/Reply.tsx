import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Review } from '../../reviews.ts';
import { bazaar, call } from '../api.ts';
import { FormProblem, problemOf, when } from '../form.tsx';
import { Paragraphs } from './Stars.tsx';

/**
 * The reply under a review (one per review): shown with `Edit reply` and `Delete reply`, or a
 * `Reply` form; saving replaces it (PUT). `invalidate` is the list to reload after a change.
 */
export function ReplyEditor(props: { review: Review; invalidate: string }) {
  const client = useQueryClient();
  const r = props.review;
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(r.reply?.body ?? '');
  const params = { path: { id: r.id } };
  const save = useMutation({
    mutationFn: (remove: boolean) =>
      remove
        ? call(() => bazaar.DELETE('/api/v1/reviews/{id}/reply', { params }))
        : call(() => bazaar.PUT('/api/v1/reviews/{id}/reply', { params, body: { body: body.trim() } })),
    onSuccess: (_, remove) => {
      setEditing(false);
      if (remove) setBody('');
      void client.invalidateQueries({ queryKey: [props.invalidate] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(false);
  };
  if (r.reply && !editing)
    return (
      <div className="reply">
        <p className="hint">Your reply, {when(r.reply.updatedAt)}</p>
        <Paragraphs text={r.reply.body} />
        <div className="actions">
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label={`Edit reply to ${r.author.name}`}
          >
            Edit reply
          </button>
          <button
            type="button"
            className="danger"
            disabled={save.isPending}
            onClick={() => save.mutate(true)}
            aria-label={`Delete reply to ${r.author.name}`}
          >
            Delete reply
          </button>
        </div>
        <FormProblem error={save.error} />
      </div>
    );
  if (!editing)
    return (
      <button type="button" onClick={() => setEditing(true)} aria-label={`Reply to ${r.author.name}`}>
        Reply
      </button>
    );
  const id = `reply-${r.id}`;
  const error = problemOf(save.error).errorOf('/body');
  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>Reply to {r.author.name}</label>
        <textarea
          id={id}
          rows={4}
          maxLength={2000}
          value={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        {error && (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
      <FormProblem error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save reply
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
