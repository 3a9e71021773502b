import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bazaar, call } from '../api.ts';
import { FormProblem } from '../form.tsx';

const KEY = ['/me/terms'];

/** The seller agreement (and any other terms the seller is asked to accept): accepted or pending. */
export function SellerTerms() {
  const client = useQueryClient();
  const mine = useQuery({ queryKey: KEY, queryFn: () => call(() => bazaar.GET('/api/v1/me/terms')) });
  const accept = useMutation({
    mutationFn: (item: { kind: string; currentVersion: number }) =>
      call(() =>
        bazaar.POST('/api/v1/me/terms/accept', {
          body: { acceptedTerms: [{ kind: item.kind, version: item.currentVersion }] },
        }),
      ),
    onSuccess: (data) => client.setQueryData(KEY, data),
  });
  const items = (mine.data?.items ?? []).filter((i) => i.audience === 'SELLER');
  if (mine.error) return <FormProblem error={mine.error} />;
  // nothing to show while the store has no seller agreement (or the account is not a seller yet)
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="seller-terms-title">
      <h2 id="seller-terms-title">Seller agreement</h2>
      {items.map((item) => (
        <p key={item.kind}>
          <a href={`/terms/${item.kind}`} target="_blank" rel="noopener">
            {item.title}
          </a>
          , version {item.currentVersion}:{' '}
          {item.pending ? (
            <button type="button" disabled={accept.isPending} onClick={() => accept.mutate(item)}>
              Accept the {item.title.toLowerCase()}
            </button>
          ) : (
            `accepted (version ${item.acceptedVersion})`
          )}
        </p>
      ))}
      <FormProblem error={accept.error} />
    </section>
  );
}
