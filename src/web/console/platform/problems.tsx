import { Link } from 'wouter';
import { FormProblem, problemOf } from '../form.tsx';

/** Each plan limit in words: one, and more than one. */
const LIMIT_WORDS: Record<string, readonly [string, string]> = {
  stores: ['store', 'stores'],
  productsPerStore: ['product per store', 'products per store'],
  staffPerStore: ['staff member per store', 'staff members per store'],
  customDomains: ['custom domain', 'custom domains'],
};

/** "no custom domains", "1 staff member per store", "3 stores". */
function allowance(limit: string, max: number): string {
  const [one, many] = LIMIT_WORDS[limit] ?? [limit, limit];
  if (max === 0) return `no ${many}`;
  return `${max} ${max === 1 ? one : many}`;
}

/**
 * A call's problem as an alert; a plan limit (402 with `limit`, `plan`, `max`) reads as what the
 * plan allows, with the way to the Plan page where the owner can choose a larger one.
 */
export function PlanProblem(props: { error: unknown }) {
  const { problem } = problemOf(props.error);
  if (problem?.status !== 402 || typeof problem.limit !== 'string')
    return <FormProblem error={props.error} />;
  return (
    <p role="alert">
      Your {String(problem.plan)} plan allows {allowance(problem.limit, Number(problem.max))}. Choose a larger
      plan on the <Link href="/plan">Plan</Link> page for more.
    </p>
  );
}
