import { useMutation } from '@tanstack/react-query';
import { handoverUrl } from '../api.ts';
import { FormProblem } from '../form.tsx';
import { platform } from './api.ts';

/**
 * Opens a store's console in a new tab signed in with a session bound to the store (decision 019),
 * for its owner and its staff alike: the tab is opened at once (while the click still lets it open)
 * and sent on to `origin`'s /admin (or `page`) once the session is made.
 */
export function OpenStoreConsole(props: {
  storeId: string;
  origin: string;
  label: string;
  name?: string;
  /** The console's page to open (its start page when not given). */
  page?: string;
}) {
  const open = useMutation({
    mutationFn: async () => {
      const tab = window.open('', '_blank');
      if (tab) tab.opener = null;
      try {
        const made = await platform.call(() =>
          platform.client.POST('/api/v1/platform/stores/{id}/session', {
            params: { path: { id: props.storeId } },
          }),
        );
        const url = handoverUrl(props.origin, made, props.page);
        if (tab) tab.location.href = url;
        else window.location.href = url;
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });
  return (
    <>
      <button
        type="button"
        className="link"
        aria-label={props.name}
        onClick={() => open.mutate()}
        disabled={open.isPending}
      >
        {props.label}
      </button>
      <FormProblem error={open.error} />
    </>
  );
}

/** The origin of a store's console address (`https://shop.example.com/admin` → `https://shop.example.com`). */
export function originOf(url: string | null | undefined): string | null {
  return url ? new URL(url).origin : null;
}
