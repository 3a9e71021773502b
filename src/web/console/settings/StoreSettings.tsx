import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../client/index.ts';
import { ActionForm, type FormValues, optional, wholeNumber } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { orNull } from '../catalog/fields.tsx';
import { basisPoints } from './TaxRules.tsx';

type Settings = Awaited<ReturnType<typeof loadSettings>>;

const loadSettings = () => call(() => bazaar.GET('/api/v1/admin/store/settings'));
const SAVED = [['/admin/store/settings'], ['/store']];

const POLICIES = [
  ['terms', 'Terms of service'],
  ['privacy', 'Privacy policy'],
  ['returns', 'Returns policy'],
  ['shipping', 'Shipping policy'],
] as const;

/**
 * The store's settings its admins change: its name, language, currency and time zone, how buyers
 * reach it, its policies, and the rules (return window, delivery codes, the sellers' reward cap).
 * The domains are the platform's to set.
 */
export function StoreSettings() {
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const settings = useQuery({ queryKey: ['/admin/store/settings'], queryFn: loadSettings });
  if (store.isPending || settings.isPending) return <p>Loading…</p>;
  if (store.isError || settings.isError)
    return <p role="alert">{(store.error ?? settings.error)?.message}</p>;
  const s = settings.data;
  return (
    <>
      <dl className="stats" aria-label="Store">
        <div>
          <dt>Domain</dt>
          <dd>{store.data.customDomain ?? store.data.domain ?? '–'}</dd>
        </div>
      </dl>
      <StoreForm settings={s} />
      <ContactForm settings={s} />
      <PoliciesForm settings={s} />
      <RulesForm settings={s} />
    </>
  );
}

type SettingsPatch = NonNullable<
  paths['/api/v1/admin/store/settings']['patch']['requestBody']
>['content']['application/json'];

const patch = (body: SettingsPatch) => call(() => bazaar.PATCH('/api/v1/admin/store/settings', { body }));

function StoreForm({ settings: s }: { settings: Settings }) {
  return (
    <ActionForm
      id="store"
      title="Store"
      submit="Save store"
      invalidate={SAVED}
      initial={{ name: s.name, language: s.language, currency: s.currency, timeZone: s.timeZone }}
      fields={[
        { name: 'name', label: 'Store name', pointer: '/name' },
        { name: 'language', label: 'Language (e.g. en, hi-IN)', pointer: '/language' },
        { name: 'currency', label: 'Currency (ISO 4217, e.g. INR)', pointer: '/currency' },
        { name: 'timeZone', label: 'Time zone (e.g. Asia/Kolkata)', pointer: '/timeZone' },
      ]}
      run={(v) =>
        patch({
          name: v.name ?? '',
          language: v.language?.trim() ?? '',
          currency: v.currency?.trim().toUpperCase() ?? '',
          timeZone: v.timeZone?.trim() ?? '',
        })
      }
    />
  );
}

/** The address typed, or null when every part of it is empty (no address). */
function addressOf(v: FormValues) {
  const parts = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'].map((k) => v[k] ?? '');
  if (parts.every((p) => p.trim() === '')) return null;
  return {
    line1: v.line1 ?? '',
    line2: optional(v.line2),
    city: v.city ?? '',
    region: optional(v.region),
    postalCode: v.postalCode ?? '',
    country: (v.country ?? '').trim().toUpperCase(),
  };
}

function ContactForm({ settings: s }: { settings: Settings }) {
  const a = s.contact.address;
  return (
    <ActionForm
      id="contact"
      title="Contact"
      submit="Save contact"
      invalidate={SAVED}
      initial={{
        email: s.contact.email ?? '',
        phone: s.contact.phone ?? '',
        line1: a?.line1 ?? '',
        line2: a?.line2 ?? '',
        city: a?.city ?? '',
        region: a?.region ?? '',
        postalCode: a?.postalCode ?? '',
        country: a?.country ?? '',
      }}
      fields={[
        { name: 'email', label: 'Contact email', pointer: '/contact/email' },
        { name: 'phone', label: 'Phone', pointer: '/contact/phone' },
        { name: 'line1', label: 'Address line 1', pointer: '/contact/address/line1' },
        { name: 'line2', label: 'Address line 2', pointer: '/contact/address/line2' },
        { name: 'city', label: 'City', pointer: '/contact/address/city' },
        { name: 'region', label: 'Region or state', pointer: '/contact/address/region' },
        { name: 'postalCode', label: 'Postal code', pointer: '/contact/address/postalCode' },
        { name: 'country', label: 'Country (e.g. IN)', pointer: '/contact/address/country' },
      ]}
      run={(v) =>
        patch({
          contact: { email: orNull(v.email ?? ''), phone: orNull(v.phone ?? ''), address: addressOf(v) },
        })
      }
    />
  );
}

function PoliciesForm({ settings: s }: { settings: Settings }) {
  return (
    <ActionForm
      id="policies"
      title="Policies"
      submit="Save policies"
      invalidate={SAVED}
      initial={Object.fromEntries(POLICIES.map(([k]) => [k, s.policies[k] ?? '']))}
      fields={POLICIES.map(([k, label]) => ({
        name: k,
        label,
        pointer: `/policies/${k}`,
        kind: 'textarea' as const,
      }))}
      run={(v) => patch({ policies: Object.fromEntries(POLICIES.map(([k]) => [k, orNull(v[k] ?? '')])) })}
    />
  );
}

function RulesForm({ settings: s }: { settings: Settings }) {
  return (
    <ActionForm
      id="settings"
      title="Settings"
      submit="Save settings"
      invalidate={SAVED}
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
        patch({
          returnWindowDays: wholeNumber(v.returnWindowDays ?? ''),
          sellerMaxRewardBp: basisPoints(v.reward ?? ''),
          deliveryCodes: v.deliveryCodes === 'true',
        })
      }
    />
  );
}
