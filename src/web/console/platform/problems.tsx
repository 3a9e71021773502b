import { Link } from 'wouter';
import { FormProblem, problemOf } from '../form.tsx';

const LIMIT_WORDS: Record<string, string> = {
  stores: 'store(s)',
  productsPerStore: 'product(s) per store',
  staffPerStore: 'staff member(s) per store',
  customDomains: 'custom domain(s)',
};

/**
 * A call's problem as an alert; a plan limit (402 with `limit`, `plan`, `max`) reads as what the
 * plan allows, with the way to the Plan page where the owner can choose a larger one.
 */
export function PlanProblem(props: { error: unknown }) {
  const { problem } = problemOf(props.error);
  if (problem?.status !== 402 || typeof problem.limit !== 'string')
    return <FormProblem error={props.error} />;
  const what = LIMIT_WORDS[problem.limit] ?? problem.limit;
  return (
    <p role="alert">
      Your {String(problem.plan)} plan allows {String(problem.max)} {what}. Choose a larger plan on the{' '}
      <Link href="/plan">Plan</Link> page for more.
    </p>
  );
}
