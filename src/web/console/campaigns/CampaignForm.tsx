import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { TextAreaField } from '../catalog/fields.tsx';
import { Choice, Field, FormProblem, minorUnits, problemOf } from '../form.tsx';
import type { Answer, PostBody } from '../types.ts';

export type Campaign = Answer<'/api/v1/admin/campaigns/{id}'>;
type Body = PostBody<'/api/v1/admin/campaigns'>;

export const CAMPAIGN_TYPES = [
  ['ANNOUNCEMENT', 'Announcement'],
  ['DISCOUNT', 'Discount'],
  ['FREE_SHIPPING', 'Free shipping'],
  ['FEATURED_PRODUCTS', 'Featured products'],
] as const;

export const CHANNELS = [
  ['EMAIL', 'Email'],
  ['IN_APP', 'In-app'],
  ['PUSH', 'Push'],
  ['SMS', 'SMS'],
] as const;

const TARGETS = [
  ['EVERYONE', 'Every customer'],
  ['GROUP', 'A customer group'],
  ['SEGMENT', 'A segment'],
  ['LIST', 'A list of customers'],
] as const;

type Channel = (typeof CHANNELS)[number][0];

const BLANK = {
  name: '',
  type: 'ANNOUNCEMENT',
  subject: '',
  body: '',
  couponCode: '',
  linkUrl: '',
  sendAt: '',
  target: 'EVERYONE',
  groupId: '',
  categoryId: '',
  days: '30',
  spentOver: '',
  inactiveDays: '',
  list: '',
};
type Values = typeof BLANK;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The target the form describes, in the API's shape. */
function targetOf(v: Values, digits: number): Body['target'] {
  if (v.target === 'GROUP') return { kind: 'GROUP', groupId: v.groupId };
  if (v.target === 'LIST') {
    const entries = v.list.split(/[\s,;]+/).filter(Boolean);
    return {
      kind: 'LIST',
      userIds: entries.filter((e) => UUID.test(e)),
      emails: entries.filter((e) => !UUID.test(e)),
    };
  }
  if (v.target === 'SEGMENT') {
    const rules: Extract<Body['target'], { kind: 'SEGMENT' }>['rules'] = {};
    if (v.categoryId) rules.boughtInCategory = { categoryId: v.categoryId, days: Number(v.days) };
    if (v.spentOver.trim()) rules.spentOver = minorUnits(v.spentOver, digits);
    if (v.inactiveDays.trim()) rules.inactiveDays = Number(v.inactiveDays);
    return { kind: 'SEGMENT', rules };
  }
  return { kind: 'EVERYONE' };
}

function bodyOf(v: Values, channels: Channel[], digits: number): Body {
  return {
    name: v.name,
    type: v.type as Body['type'],
    channels,
    subject: v.subject,
    body: v.body,
    target: targetOf(v, digits),
    couponCode: v.couponCode.trim() || null,
    linkUrl: v.linkUrl.trim() || null,
    sendAt: v.sendAt ? new Date(v.sendAt).toISOString() : null,
  };
}

/** A new campaign: what it says, on which channels, with which coupon, to whom, and when. */
export function CampaignForm(props: { onSaved: (campaign: Campaign) => void }) {
  const client = useQueryClient();
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const digits = currencyDigits(store.data?.currency ?? 'INR');
  const [values, setValues] = useState<Values>(BLANK);
  const [channels, setChannels] = useState<Channel[]>(['EMAIL']);
  const save = useMutation({
    mutationFn: () =>
      call(() => bazaar.POST('/api/v1/admin/campaigns', { body: bodyOf(values, channels, digits) })),
    onSuccess: (campaign) => {
      void client.invalidateQueries({ queryKey: ['/admin/campaigns'] });
      props.onSaved(campaign);
    },
  });
  const { errorOf } = problemOf(save.error);
  const set = (name: keyof Values, value: string) => setValues({ ...values, [name]: value });
  const text = (name: keyof Values, label: string, pointer: string, type = 'text') => (
    <Field
      id={`campaign-${name}`}
      label={label}
      type={type}
      value={values[name]}
      error={errorOf(pointer)}
      onChange={(e) => set(name, e.target.value)}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="product-form" aria-label="New campaign" onSubmit={submit} noValidate>
      {text('name', 'Name', '/name')}
      <Choice
        id="campaign-type"
        label="Type"
        value={values.type}
        options={CAMPAIGN_TYPES}
        error={errorOf('/type')}
        onChange={(e) => set('type', e.target.value)}
      />
      <ChannelBoxes channels={channels} onChange={setChannels} error={errorOf('/channels')} />
      {text('subject', 'Subject', '/subject')}
      <TextAreaField
        id="campaign-body"
        label="Message (blank lines make paragraphs)"
        value={values.body}
        error={errorOf('/body')}
        onChange={(e) => set('body', e.target.value)}
      />
      {text('couponCode', 'Coupon code (discount and free-shipping campaigns)', '/couponCode')}
      {text('linkUrl', 'Link (empty: the store)', '/linkUrl', 'url')}
      <TargetFields values={values} set={set} errorOf={errorOf} />
      {text('sendAt', 'Send at (empty: send by hand)', '/sendAt', 'datetime-local')}
      <FormProblem error={save.error} />
      <button type="submit" disabled={save.isPending}>
        Create campaign
      </button>
    </form>
  );
}

function ChannelBoxes(props: {
  channels: Channel[];
  onChange: (c: Channel[]) => void;
  error?: string | undefined;
}) {
  const toggle = (channel: Channel, on: boolean) =>
    props.onChange(on ? [...props.channels, channel] : props.channels.filter((c) => c !== channel));
  return (
    <fieldset className="field">
      <legend>Channels</legend>
      {CHANNELS.map(([channel, label]) => (
        <label key={channel}>
          <input
            type="checkbox"
            checked={props.channels.includes(channel)}
            onChange={(e) => toggle(channel, e.target.checked)}
          />{' '}
          {label}
        </label>
      ))}
      {props.error && <span className="field-error">{props.error}</span>}
    </fieldset>
  );
}

/** Who the campaign goes to: everyone, a group, a segment's rules, or a list of emails and ids. */
function TargetFields(props: {
  values: Values;
  set: (name: keyof Values, value: string) => void;
  errorOf: (pointer: string) => string | undefined;
}) {
  const { values, set, errorOf } = props;
  const groups = useQuery({
    queryKey: ['/admin/user-groups', 'all'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/user-groups', { params: { query: { limit: 100 } } })),
    enabled: values.target === 'GROUP',
  });
  const categories = useQuery({
    queryKey: ['/admin/categories'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/categories')),
    enabled: values.target === 'SEGMENT',
  });
  const field = (name: keyof Values, label: string, pointer: string) => (
    <Field
      id={`campaign-${name}`}
      label={label}
      inputMode="decimal"
      value={values[name]}
      error={errorOf(pointer)}
      onChange={(e) => set(name, e.target.value)}
    />
  );
  return (
    <>
      <Choice
        id="campaign-target"
        label="Send to"
        value={values.target}
        options={TARGETS}
        error={errorOf('/target')}
        onChange={(e) => set('target', e.target.value)}
      />
      {values.target === 'GROUP' && (
        <Choice
          id="campaign-group"
          label="Customer group"
          value={values.groupId}
          options={[
            ['', 'Choose a group'],
            ...(groups.data?.items ?? []).map((g) => [g.id, g.name] as const),
          ]}
          error={errorOf('/target/groupId')}
          onChange={(e) => set('groupId', e.target.value)}
        />
      )}
      {values.target === 'SEGMENT' && (
        <>
          <Choice
            id="campaign-category"
            label="Bought in category"
            value={values.categoryId}
            options={[
              ['', 'Any (no rule)'],
              ...(categories.data?.items ?? []).map((c) => [c.id, c.name] as const),
            ]}
            error={errorOf('/target/rules/boughtInCategory')}
            onChange={(e) => set('categoryId', e.target.value)}
          />
          {values.categoryId && field('days', 'In the last (days)', '/target/rules/boughtInCategory/days')}
          {field('spentOver', 'Spent over (empty: no rule)', '/target/rules/spentOver')}
          {field('inactiveDays', 'Inactive for (days, empty: no rule)', '/target/rules/inactiveDays')}
        </>
      )}
      {values.target === 'LIST' && (
        <TextAreaField
          id="campaign-list"
          label="Emails or customer ids, one a line"
          value={values.list}
          error={errorOf('/target')}
          onChange={(e) => set('list', e.target.value)}
        />
      )}
    </>
  );
}
