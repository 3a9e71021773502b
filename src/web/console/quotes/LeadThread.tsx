import { useQuery } from '@tanstack/react-query';
import { ActionForm } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { when, words } from '../form.tsx';

/** The lead's thread, oldest first, and a message to add to it. */
export function LeadThread(props: { id: string }) {
  const thread = useQuery({
    queryKey: ['/leads', props.id, 'messages'],
    queryFn: () =>
      call(() =>
        bazaar.GET('/api/v1/leads/{id}/messages', {
          params: { path: { id: props.id }, query: { limit: 100 } },
        }),
      ),
  });
  return (
    <section aria-label="Messages">
      <h2>Messages</h2>
      {thread.isPending && <p>Loading…</p>}
      {thread.isError && <p role="alert">{thread.error.message}</p>}
      {thread.data && thread.data.items.length === 0 && <p>No messages yet.</p>}
      <ol className="thread">
        {thread.data?.items.map((m) => (
          <li key={m.id}>
            <strong>{words(m.by)}</strong> <span className="hint">{when(m.createdAt)}</span>
            <p className="breakable">{m.body}</p>
          </li>
        ))}
      </ol>
      <ActionForm
        id="lead-message"
        title="Write a message"
        submit="Send message"
        fields={[{ name: 'body', label: 'Message', pointer: '/body', kind: 'textarea' }]}
        clearOnSave
        invalidate={[['/leads', props.id, 'messages']]}
        run={(v) =>
          call(() =>
            bazaar.POST('/api/v1/leads/{id}/messages', {
              params: { path: { id: props.id } },
              body: { body: v.body ?? '' },
            }),
          )
        }
      />
    </section>
  );
}
