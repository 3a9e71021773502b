import { useQuery } from '@tanstack/react-query';
import { ActionForm, wholeNumber } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { basisPoints } from './TaxRules.tsx';

/**
 * The store as the API shows it (name, currency, language and domains are the platform's to set)
 * and the settings its admins change: the return window, delivery codes and the sellers' reward cap.
 */
export function StoreSettings() {
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const settings = useQuery({
    queryKey: ['/admin/store/settings'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/store/settings')),
  });
  if (store.isPending || settings.isPending) return <p>Loading…</p>;
  if (store.isError || settings.isError)
    return <p role="alert">{(store.error ?? settings.error)?.message}</p>;
  const s = settings.data;
  const facts: Array<[string, string]> = [
    ['Name', store.data.name],
    ['Currency', store.data.currency],
    ['Language', store.data.language],
    ['Domain', store.data.customDomain ?? store.data.domain ?? '–'],
  ];
  return (
    <>
      <dl className="stats" aria-label="Store">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ActionForm
        id="settings"
        title="Settings"
        submit="Save settings"
        invalidate={[['/admin/store/settings']]}
        initial={{
          returnWindowDays: String(s.returnWindowDays),
          deliveryCodes: s.deliveryCodes ? 'true' : '',
          reward: String(s.sellerMaxRewardBp / 100),
        }}
        fields={[
          {
            name: 'returnWindowDays',
            label: 'Return window (days)',
            pointer: '/returnWindowDays',
            kind: 'number',
          },
          {
            name: 'reward',
            label: 'Highest reward sellers may set (%)',
            pointer: '/sellerMaxRewardBp',
            kind: 'number',
          },
          {
            name: 'deliveryCodes',
            label: 'Ask for a delivery code at the door',
            pointer: '/deliveryCodes',
            kind: 'checkbox',
          },
        ]}
        run={(v) =>
          call(() =>
            bazaar.PATCH('/api/v1/admin/store/settings', {
              body: {
                returnWindowDays: wholeNumber(v.returnWindowDays ?? ''),
                sellerMaxRewardBp: basisPoints(v.reward ?? ''),
                deliveryCodes: v.deliveryCodes === 'true',
              },
            }),
          )
        }
      />
    </>
  );
}
