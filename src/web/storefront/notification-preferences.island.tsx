/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { Answer200 } from '../api.ts';
import { buyerSession, visitor } from './cart-store.ts';
import { fieldErrors, problemOf } from './form.tsx';
import { PushOnThisDevice } from './push.tsx';

type Preferences = Answer200<'/api/v1/me/notification-preferences'>;
type Switches = Preferences['channels'];
type ChannelKey = keyof Switches;
type TypeSwitches = Preferences['types'];

const CHANNELS: ReadonlyArray<readonly [ChannelKey, string]> = [
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['push', 'Push'],
  ['inApp', 'In-app'],
];

const orderNews = ['email', 'inApp', 'push'] as const;
const mailAndFeed = ['email', 'inApp'] as const;

/**
 * The messages a buyer gets that may be switched per channel, with the channels each is sent on
 * (notifications.types.ts); a type not listed here keeps whatever the account has for it.
 */
const TYPES: ReadonlyArray<readonly [type: string, label: string, channels: readonly ChannelKey[]]> = [
  ['ORDER_PLACED', 'Order received', orderNews],
  ['ORDER_PAID', 'Payment received', orderNews],
  ['ORDER_SHIPPED', 'Order shipped', orderNews],
  ['ORDER_OUT_FOR_DELIVERY', 'Out for delivery', orderNews],
  ['ORDER_DELIVERED', 'Order delivered', orderNews],
  ['ORDER_CANCELLED', 'Order cancelled', orderNews],
  ['ORDER_REFUNDED', 'Refunds', mailAndFeed],
  ['RETURN_UPDATED', 'Returns', mailAndFeed],
  ['PAYMENT_FAILED', 'Failed payments', mailAndFeed],
  ['REVIEW_REPLY', 'Replies to your reviews', mailAndFeed],
  ['LEAD_QUOTED', 'Quotes you asked for', mailAndFeed],
  ['LEAD_MESSAGE', 'Messages about your quotes', mailAndFeed],
  ['CAMPAIGN', 'Offers and announcements', ['email', 'inApp', 'push', 'sms'] as const],
];

/** Security messages: always sent, whatever the switches say (the API refuses turning them off). */
const ALWAYS = ['Email address confirmation', 'Password reset', 'Sign-in codes'];

const LANGUAGES = ['en', 'hi', 'bn', 'ta', 'te', 'mr', 'gu', 'kn', 'ml', 'fr', 'de', 'es', 'ar'];

/** Zones that browsers' ICU still names by their old names, by the names people use now. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
};
const current = (zone: string) => RENAMED[zone] ?? zone;

/** Every time zone the browser knows, by today's names, with the one chosen and UTC among them. */
function timeZones(chosen: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC', chosen];
  return [...new Set(['UTC', chosen, ...known.map(current)])].sort();
}

const browserZone = () => current(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

interface Form {
  channels: Switches;
  types: TypeSwitches;
  start: string;
  end: string;
  timeZone: string;
  language: string;
}

const formOf = (p: Preferences): Form => ({
  channels: p.channels,
  types: p.types,
  start: p.quietHours?.start ?? '',
  end: p.quietHours?.end ?? '',
  timeZone: p.quietHours?.timeZone ?? browserZone(),
  language: p.language ?? '',
});

/** A type's switch: what the account set for it, else the channel's own switch. */
const isOn = (form: Form, type: string, channel: ChannelKey) =>
  form.types[type]?.[channel] ?? form.channels[channel];

/** The types with the switch flipped; a switch back to the channel's own drops it from the type. */
function flipped(form: Form, type: string, channel: ChannelKey): TypeSwitches {
  const own = { ...form.types[type] };
  const next = !isOn(form, type, channel);
  if (next === form.channels[channel]) delete own[channel];
  else own[channel] = next;
  const types = { ...form.types, [type]: own };
  if (Object.keys(own).length === 0) delete types[type];
  return types;
}

const FIELDS = ['start', 'end', 'timeZone', 'language'] as const;

/** Each message the buyer gets, with a toggle per channel it goes on; security ones always on. */
function PerType(props: { form: Form; onChange: (types: TypeSwitches) => void }) {
  const { form } = props;
  const labelOf = (c: ChannelKey) => CHANNELS.find(([k]) => k === c)?.[1] ?? c;
  return (
    <fieldset class="per-type">
      <legend>By message</legend>
      <ul class="type-switches">
        {TYPES.map(([type, label, channels]) => (
          <li key={type}>
            <fieldset class="toggles">
              <legend>{label}</legend>
              {channels.map((c) => (
                <button
                  key={c}
                  type="button"
                  class="toggle"
                  aria-pressed={isOn(form, type, c)}
                  onClick={() => props.onChange(flipped(form, type, c))}
                >
                  {labelOf(c)}
                </button>
              ))}
            </fieldset>
          </li>
        ))}
        {ALWAYS.map((label) => (
          <li key={label}>
            <span>{label}</span>
            <span class="always">Always on: sent for your account’s safety</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The body of the PUT: quiet hours when both times are given, the store's language when none is chosen. */
const bodyOf = (form: Form) => ({
  channels: form.channels,
  types: form.types,
  quietHours: form.start || form.end ? { start: form.start, end: form.end, timeZone: form.timeZone } : null,
  language: form.language || null,
});

function PreferencesForm(props: { initial: Preferences; language: string }) {
  const [form, setForm] = useState(formOf(props.initial));
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | string>('idle');
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setState('idle');
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (Boolean(form.start) !== Boolean(form.end))
      return setErrors({ [form.start ? 'end' : 'start']: 'Give both a start and an end, or neither' });
    setState('saving');
    const body = bodyOf(form);
    const answer = await visitor((api) => api.PUT('/api/v1/me/notification-preferences', { body }));
    if (answer.data) {
      setForm(formOf(answer.data));
      setErrors({});
      return setState('saved');
    }
    const problem = problemOf(answer);
    setErrors(fieldErrors(problem, FIELDS));
    setState(problem.detail ?? problem.title);
  };
  const zones = timeZones(form.timeZone);
  const names = new Intl.DisplayNames([props.language, 'en'], { type: 'language' });
  return (
    <form class="checkout preferences" onSubmit={(e) => void save(e)} noValidate>
      <fieldset>
        <legend>Channels</legend>
        {CHANNELS.map(([key, label]) => (
          <label key={key} class="choice">
            <input
              type="checkbox"
              checked={form.channels[key]}
              onChange={(e) => set({ channels: { ...form.channels, [key]: e.currentTarget.checked } })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <PerType form={form} onChange={(types) => set({ types })} />
      <fieldset>
        <legend>Quiet hours</legend>
        <p class="muted">Messages that can wait are held until the end of your quiet hours.</p>
        <TimeField
          id="quiet-start"
          label="Quiet hours start"
          value={form.start}
          error={errors.start}
          onInput={(start) => set({ start })}
        />
        <TimeField
          id="quiet-end"
          label="Quiet hours end"
          value={form.end}
          error={errors.end}
          onInput={(end) => set({ end })}
        />
        <div class="field">
          <label for="quiet-zone">Time zone</label>
          <select
            id="quiet-zone"
            value={form.timeZone}
            onChange={(e) => set({ timeZone: e.currentTarget.value })}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {errors.timeZone && <span class="field-error">{errors.timeZone}</span>}
        </div>
      </fieldset>
      <div class="field">
        <label for="notification-language">Language</label>
        <select
          id="notification-language"
          value={form.language}
          onChange={(e) => set({ language: e.currentTarget.value })}
        >
          <option value="">The store’s language</option>
          {[...new Set([...LANGUAGES, form.language].filter(Boolean))].map((tag) => (
            <option key={tag} value={tag}>
              {names.of(tag) ?? tag}
            </option>
          ))}
        </select>
        {errors.language && <span class="field-error">{errors.language}</span>}
      </div>
      {!['idle', 'saving', 'saved'].includes(state) && <p role="alert">{state}</p>}
      {state === 'saved' && <p role="status">Preferences saved</p>}
      <button type="submit" disabled={state === 'saving'}>
        Save preferences
      </button>
    </form>
  );
}

function TimeField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="time"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && (
        <span id={`${props.id}-error`} class="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** The page `/account/notifications/preferences`: channels, per-message switches, quiet hours, language, push. */
export function NotificationPreferences(props: { language: string }) {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => {
    const session = Boolean(buyerSession());
    setSignedIn(session);
    if (!session) return;
    void visitor((api) => api.GET('/api/v1/me/notification-preferences')).then((answer) => {
      if (answer.data) setPrefs(answer.data);
      else setProblem(problemOf(answer).title);
    });
  }, []);
  if (signedIn === false)
    return (
      <p>
        <a href="/account">Sign in</a> to choose how we reach you.
      </p>
    );
  if (problem) return <p role="alert">{problem}</p>;
  if (!prefs) return <p>Loading your preferences…</p>;
  return (
    <>
      <PreferencesForm initial={prefs} language={props.language} />
      <PushOnThisDevice />
    </>
  );
}
