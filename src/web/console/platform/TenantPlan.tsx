import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProblem, words } from '../form.tsx';
import { money } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { type Plan, platform, type SubscriptionChange, type Tenant } from './api.ts';
import { limit, PlanTable, usePlans } from './Plans.tsx';

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** A plan's price per month, to tell an upgrade from a downgrade as the API does. */
const monthly = (p: Plan) => (p.period === 'yearly' ? p.price.amount / 12 : p.price.amount);

/** The business owner's plan, its limits and use, the subscription, and changing or cancelling it. */
export function TenantPlan() {
  const tenant = useQuery({
    queryKey: ['/platform/tenant'],
    queryFn: () => platform.call(() => platform.client.GET('/api/v1/platform/tenant')),
  });
  const plans = usePlans();
  const [change, setChange] = useState<SubscriptionChange | null>(null);
  if (tenant.isPending || plans.isPending) return <p>Loading…</p>;
  if (tenant.isError) return <p role="alert">{tenant.error.message}</p>;
  if (plans.isError) return <p role="alert">{plans.error.message}</p>;
  const t = tenant.data;
  const current = plans.data.find((p) => p.code === t.plan);
  const offered = plans.data.filter((p) => p.active || p.code === t.plan);
  return (
    <Section title="Your plan">
      <Summary tenant={t} plan={current} plans={plans.data} changed={change !== null} />
      {change && <ChangeResult change={change} plans={plans.data} />}
      <h2>Plans</h2>
      <ChangePlan tenant={t} plans={offered} current={current} onChanged={setChange} />
    </Section>
  );
}

function Summary(props: { tenant: Tenant; plan: Plan | undefined; plans: Plan[]; changed: boolean }) {
  const t = props.tenant;
  const p = props.plan;
  const pending = props.plans.find((plan) => plan.code === t.pendingPlan)?.name ?? t.pendingPlan;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Plan</dt>
          <dd>{p?.name ?? t.plan}</dd>
        </div>
        <div>
          <dt>Subscription</dt>
          <dd>
            <span className={`status status-${t.subscriptionStatus.toLowerCase()}`}>
              {words(t.subscriptionStatus)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Stores used</dt>
          <dd>
            {t.storeCount} of {limit(t.maxStores)}
          </dd>
        </div>
      </dl>
      {t.subscriptionStatus === 'PAST_DUE' && t.graceUntil && (
        <p role="alert">
          The last payment failed. Pay by {day(t.graceUntil)} or your stores are suspended on that day.
        </p>
      )}
      {t.suspendedAt && <p role="alert">Your stores are suspended since {day(t.suspendedAt)}.</p>}
      {pending && !props.changed && (
        <p role="status">
          A change to plan {pending} is waiting for the billing provider or the cycle's end.
        </p>
      )}
      {p && (
        <dl className="facts">
          <dt>Price</dt>
          <dd>
            {money(p.price)} {words(p.period)}
          </dd>
          <dt>Products per store</dt>
          <dd>{limit(p.limits.productsPerStore)}</dd>
          <dt>Staff per store</dt>
          <dd>{limit(p.limits.staffPerStore)}</dd>
          <dt>Custom domains</dt>
          <dd>{limit(p.limits.customDomains)}</dd>
        </dl>
      )}
    </>
  );
}

/** What a change did: moved now, waits for the cycle's end, or waits for a payment at the provider. */
function ChangeResult(props: { change: SubscriptionChange; plans: Plan[] }) {
  const c = props.change;
  const name = (code: string) => props.plans.find((p) => p.code === code)?.name ?? code;
  if (c.checkoutUrl)
    return (
      <div role="status" className="card">
        <p>
          Authorise the payment for plan {name(c.pendingPlan ?? '')} with the billing provider to complete the
          change.
        </p>
        <a href={c.checkoutUrl} rel="noopener noreferrer">
          Pay for plan {name(c.pendingPlan ?? '')}
        </a>
      </div>
    );
  if (c.pendingPlan && c.effectiveAt)
    return (
      <p role="status">
        Your plan changes to {name(c.pendingPlan)} on {day(c.effectiveAt)}, at the end of the billing cycle.
      </p>
    );
  if (c.pendingPlan)
    return (
      <p role="status">Your plan changes to {name(c.pendingPlan)} once the provider confirms the payment.</p>
    );
  return <p role="status">You are now on plan {name(c.tenant.plan)}.</p>;
}

function ChangePlan(props: {
  tenant: Tenant;
  plans: Plan[];
  current: Plan | undefined;
  onChanged: (change: SubscriptionChange) => void;
}) {
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<Plan | null>(null);
  const move = useMutation({
    mutationFn: (plan: string) =>
      platform.call(() => platform.client.POST('/api/v1/platform/tenant/subscription', { body: { plan } })),
    onSuccess: (change) => {
      queries.setQueryData(['/platform/tenant'], change.tenant);
      setChosen(null);
      props.onChanged(change);
    },
  });
  const free = props.plans.find((p) => p.active && p.price.amount === 0);
  const paying = props.current !== undefined && props.current.price.amount > 0;
  const choose = (p: Plan) => {
    move.reset();
    setChosen(p);
  };
  return (
    <>
      {chosen && (
        <ConfirmChange
          plan={chosen}
          current={props.current}
          pending={move.isPending}
          error={move.error}
          onConfirm={() => move.mutate(chosen.code)}
          onKeep={() => setChosen(null)}
        />
      )}
      {!chosen && <FormProblem error={move.error} />}
      <PlanTable
        plans={props.plans}
        current={props.tenant.plan}
        forOwner
        action={(p) =>
          p.code === props.tenant.plan ? (
            'Your plan'
          ) : (
            <button type="button" onClick={() => choose(p)} disabled={!p.active}>
              Choose {p.name}
            </button>
          )
        }
      />
      {paying && free && props.tenant.pendingPlan !== free.code && (
        <button type="button" className="danger" onClick={() => choose(free)}>
          Cancel subscription
        </button>
      )}
    </>
  );
}

function ConfirmChange(props: {
  plan: Plan;
  current: Plan | undefined;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const { plan, current } = props;
  const cancelling = plan.price.amount === 0;
  const upgrade = !current || monthly(plan) > monthly(current);
  const effect = cancelling
    ? 'The subscription ends at the end of the billing cycle; then your tenant is on the free plan.'
    : upgrade
      ? 'The new plan applies at once; the billing provider charges for it.'
      : 'The smaller plan applies at the end of the billing cycle.';
  return (
    <div className="confirm">
      <p>
        {cancelling ? 'Cancel the subscription' : `Move to plan ${plan.name}`} ({money(plan.price)}{' '}
        {words(plan.period)})? {effect}
      </p>
      <FormProblem error={props.error} />
      <button
        type="button"
        className={cancelling ? 'danger' : undefined}
        onClick={props.onConfirm}
        disabled={props.pending}
      >
        {cancelling ? 'Confirm cancellation' : `Change to ${plan.name}`}
      </button>
      <button type="button" onClick={props.onKeep}>
        Keep my plan
      </button>
    </div>
  );
}
