import { useQuery } from '@tanstack/react-query';
import type { ReviewSettings as Settings } from '../../reviews.ts';
import { ActionForm, type FormValues } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { useCan } from '../permissions.ts';

const PATH = '/api/v1/admin/review-settings';
const load = () => call(() => bazaar.GET(PATH));
const yes = (v: string | undefined) => v === 'true';

/** The words typed one a line (or separated by commas), trimmed, the empty ones dropped. */
export function wordList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\n,]/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** What the form sends: the settings as typed (a number that is not one is sent as typed, for the API to refuse). */
function settingsOf(v: FormValues): Settings {
  const points = v.rewardPoints?.trim() ?? '';
  return {
    moderation: yes(v.moderation),
    allowUnverified: yes(v.allowUnverified),
    heldWords: wordList(v.heldWords),
    holdLinks: yes(v.holdLinks),
    rewardPoints: points === '' ? 0 : Number(points),
  };
}

/**
 * The store's review rules: every review waits for staff (moderation), reviews without a
 * delivered purchase, the words and links that hold a review for a look, and the reward points a
 * verified review earns once published.
 */
export function ReviewSettings() {
  const settings = useQuery({ queryKey: [PATH], queryFn: load });
  const can = useCan('settings:manage');
  if (settings.isPending) return <p>Loading…</p>;
  if (settings.isError) return <p role="alert">{settings.error.message}</p>;
  return can ? <SettingsForm settings={settings.data} /> : <SettingsFacts settings={settings.data} />;
}

/** The settings as they are, for an admin who may not change them (without `settings:manage`). */
function SettingsFacts({ settings: s }: { settings: Settings }) {
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  return (
    <dl className="facts" aria-label="Review settings">
      <dt>Every review waits for approval</dt>
      <dd>{yesNo(s.moderation)}</dd>
      <dt>Reviews without a delivered purchase</dt>
      <dd>{yesNo(s.allowUnverified)}</dd>
      <dt>Held words</dt>
      <dd>{s.heldWords.length > 0 ? s.heldWords.join(', ') : '–'}</dd>
      <dt>Reviews with links held</dt>
      <dd>{yesNo(s.holdLinks)}</dd>
      <dt>Reward points for a verified review</dt>
      <dd>{s.rewardPoints}</dd>
    </dl>
  );
}

function SettingsForm({ settings: s }: { settings: Settings }) {
  return (
    <ActionForm
      id="review-settings"
      title="Moderation and rewards"
      submit="Save review settings"
      invalidate={[[PATH]]}
      initial={{
        moderation: s.moderation ? 'true' : '',
        allowUnverified: s.allowUnverified ? 'true' : '',
        heldWords: s.heldWords.join('\n'),
        holdLinks: s.holdLinks ? 'true' : '',
        rewardPoints: String(s.rewardPoints),
      }}
      fields={[
        {
          name: 'moderation',
          label: 'Every review waits for approval',
          pointer: '/moderation',
          kind: 'checkbox',
        },
        {
          name: 'allowUnverified',
          label: 'Allow reviews without a delivered purchase',
          pointer: '/allowUnverified',
          kind: 'checkbox',
        },
        { name: 'heldWords', label: 'Held words (one a line)', pointer: '/heldWords', kind: 'textarea' },
        { name: 'holdLinks', label: 'Hold reviews with links', pointer: '/holdLinks', kind: 'checkbox' },
        {
          name: 'rewardPoints',
          label: 'Reward points for a verified review',
          pointer: '/rewardPoints',
          kind: 'number',
        },
      ]}
      run={(v) => call(() => bazaar.PUT(PATH, { body: settingsOf(v) }))}
    />
  );
}
