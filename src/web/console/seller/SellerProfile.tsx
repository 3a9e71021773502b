import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import type { Answer, PatchBody } from '../types.ts';

type Seller = NonNullable<Answer<'/api/v1/me/profile'>['seller']>;
type Body = PatchBody<'/api/v1/me/seller-profile'>;

/** The form's fields, grouped as the API's body nests them, and the JSON pointer each one fills. */
const GROUPS = [
  {
    legend: 'Business',
    fields: [
      ['businessName', 'Business name', '/businessName'],
      ['businessType', 'Business type', '/businessType'],
      ['taxId', 'Tax ID', '/taxId'],
    ],
  },
  {
    legend: 'Business address',
    fields: [
      ['name', 'Addressee', '/businessAddress/name'],
      ['line1', 'Address line 1', '/businessAddress/line1'],
      ['city', 'City', '/businessAddress/city'],
      ['state', 'State', '/businessAddress/state'],
      ['postalCode', 'Postal code', '/businessAddress/postalCode'],
      ['country', 'Country', '/businessAddress/country'],
    ],
  },
  {
    legend: 'Payouts',
    fields: [
      ['accountHolder', 'Account holder', '/bankDetails/accountHolder'],
      ['bankName', 'Bank name', '/bankDetails/bankName'],
      ['accountNumber', 'Account number', '/bankDetails/accountNumber'],
      ['routingCode', 'Routing code (IFSC, sort code…)', '/bankDetails/routingCode'],
    ],
  },
] as const;

type Values = Record<(typeof GROUPS)[number]['fields'][number][0], string>;

/** The form's values from the profile on file (the account number is never sent back in full). */
function initial(seller: Seller | null): Values {
  const a = seller?.businessAddress;
  return {
    businessName: seller?.businessName ?? '',
    businessType: seller?.businessType ?? '',
    taxId: seller?.taxId ?? '',
    name: a?.name ?? '',
    line1: a?.line1 ?? '',
    city: a?.city ?? '',
    state: a?.state ?? '',
    postalCode: a?.postalCode ?? '',
    country: a?.country ?? '',
    accountHolder: seller?.bankDetails?.accountHolder ?? '',
    bankName: seller?.bankDetails?.bankName ?? '',
    accountNumber: '',
    routingCode: '',
  };
}

/** The API's body: the address when one is typed, the bank details when a new account number is. */
function bodyOf(v: Values): Body & { businessName: string } {
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  const { name, line1, city, state, postalCode, country } = v;
  return {
    businessName: v.businessName,
    businessType: optional(v.businessType),
    taxId: optional(v.taxId),
    businessAddress: line1.trim() ? { name, line1, city, state, postalCode, country } : undefined,
    bankDetails: v.accountNumber.trim()
      ? {
          accountHolder: v.accountHolder,
          bankName: v.bankName,
          accountNumber: v.accountNumber,
          routingCode: optional(v.routingCode),
        }
      : undefined,
  };
}

/** What the application's status means for the seller. */
function Status(props: { seller: Seller | null }) {
  const { seller } = props;
  if (!seller) return <p>You have not applied to sell in this store yet.</p>;
  const text = {
    PENDING: 'Your application is waiting for the store to review it.',
    APPROVED: 'Your application was approved: you sell in this store.',
    REJECTED: `Your application was rejected: ${seller.rejectionReason ?? 'no reason given'}. Correct it and apply again.`,
  }[seller.status];
  return (
    <p className="status-line">
      Application: <strong className={`badge badge-${seller.status.toLowerCase()}`}>{seller.status}</strong>{' '}
      {text}
    </p>
  );
}

/** The seller's profile and application: apply (or re-apply after a rejection), else change it. */
export function SellerProfile() {
  const profile = useQuery({
    queryKey: ['/me/profile'],
    queryFn: () => call(() => bazaar.GET('/api/v1/me/profile')),
  });
  if (profile.isPending) return <p>Loading…</p>;
  if (profile.isError) return <p role="alert">{profile.error.message}</p>;
  const seller = profile.data.seller;
  const applying = !seller || seller.status === 'REJECTED';
  return (
    <>
      <Status seller={seller} />
      <ProfileForm key={seller?.appliedAt ?? 'new'} seller={seller} applying={applying} />
    </>
  );
}

/** The seller agreement an application must accept, when the store asks for it. */
function useSellerAgreement(applying: boolean) {
  const terms = useQuery({
    queryKey: ['/terms'],
    enabled: applying,
    queryFn: () => call(() => bazaar.GET('/api/v1/terms')),
  });
  return terms.data?.items.find((t) => t.audience === 'SELLER' && t.acceptanceRequired) ?? null;
}

function ProfileForm(props: { seller: Seller | null; applying: boolean }) {
  const client = useQueryClient();
  const [values, setValues] = useState(() => initial(props.seller));
  const agreement = useSellerAgreement(props.applying);
  const [accepted, setAccepted] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const terms = agreement && accepted ? [{ kind: agreement.kind, version: agreement.version }] : [];
      const body = { ...bodyOf(values), ...(terms.length > 0 ? { acceptedTerms: terms } : {}) };
      return props.applying
        ? call(() => bazaar.POST('/api/v1/me/seller-application', { body }))
        : call(() => bazaar.PATCH('/api/v1/me/seller-profile', { body }));
    },
    onSuccess: () => {
      // the account on file shows its last four digits; the full number is not kept on screen
      setValues((v) => ({ ...v, accountNumber: '' }));
      return client.invalidateQueries({ queryKey: ['/me/profile'] });
    },
  });
  const { errorOf } = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const last4 = props.seller?.bankDetails?.accountNumberLast4;
  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.legend === 'Payouts' && last4 && <p>Account on file ends in {last4}.</p>}
          {group.fields.map(([name, label, pointer]) => (
            <Field
              key={name}
              id={`seller-${name}`}
              label={label}
              error={errorOf(pointer)}
              value={values[name]}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
            />
          ))}
        </fieldset>
      ))}
      {props.applying && agreement && (
        <p>
          <input
            id="seller-accept-terms"
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
          />{' '}
          <label htmlFor="seller-accept-terms">I accept the {agreement.title.toLowerCase()}</label>{' '}
          <a href={`/terms/${agreement.kind}`} target="_blank" rel="noopener">
            (read version {agreement.version})
          </a>
        </p>
      )}
      <FormProblem error={save.error} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" disabled={save.isPending}>
        {props.applying ? 'Apply to sell' : 'Save profile'}
      </button>
    </form>
  );
}
