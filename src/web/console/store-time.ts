import { useQuery } from '@tanstack/react-query';
import { bazaar, call } from './api.ts';
import { when } from './form.tsx';

/** Times as the store's staff read them: in the store's time zone (its settings), once known. */
export function useStoreTime(): (iso: string | null | undefined) => string {
  const store = useQuery({
    queryKey: ['/store'],
    queryFn: () => call(() => bazaar.GET('/api/v1/store')),
    staleTime: 60_000,
  });
  const timeZone = store.data?.timeZone;
  return (iso) => when(iso, timeZone);
}
