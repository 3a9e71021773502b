/** @jsxImportSource preact */
import type { Api } from '../api.ts';
import type { Facets } from './types.ts';

const SORTS = [
  ['relevance', 'Best match'],
  ['newest', 'Newest'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['rating', 'Top rated'],
] as const;

/** The page's query as the visitor chose it: a value or several (checkboxes) per name. */
export type Choices = Record<string, string | string[] | undefined>;

const values = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * The API's list for what the visitor chose: sort, brands, stock, price bounds and the
 * category's own filters (`f.<key>`), a page at a time by the API's cursor. Unknown names are
 * dropped, so a hand-made address cannot turn into a 400.
 */
export function browse(api: Api, base: Record<string, string>, choices: Choices) {
  const query: Record<string, string> = { ...base, limit: '24' };
  const sort = values(choices.sort)[0];
  if (sort && SORTS.some(([s]) => s === sort)) query.sort = sort;
  for (const [name, given] of Object.entries(choices)) {
    const list = values(given).filter((v) => v.length > 0 && v.length <= 100);
    if (list.length === 0) continue;
    if (name === 'brand' || /^f\.[a-z0-9_-]{1,40}$/.test(name)) query[name] = list.slice(0, 20).join(',');
    if (name === 'inStock' && list[0] === 'true') query.inStock = 'true';
    if (name === 'cursor') query.cursor = list[0]!;
  }
  return api.get('/api/v1/products', { query });
}

function Checkbox(props: { name: string; value: string; label: string; checked: boolean }) {
  const id = `${props.name}-${props.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <li>
      <input type="checkbox" id={id} name={props.name} value={props.value} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </li>
  );
}

/** Facets and sort as a plain GET form: it works without script, and its address can be shared. */
export function FacetForm(props: {
  action: string;
  facets: Facets | undefined;
  choices: Choices;
  hidden?: Record<string, string>;
}) {
  const chosen = (name: string) => new Set(values(props.choices[name]).flatMap((v) => v.split(',')));
  const sort = values(props.choices.sort)[0] ?? 'relevance';
  return (
    <form class="facets" action={props.action} method="get" aria-label="Filter and sort">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label for="sort">Sort by</label>
      <select id="sort" name="sort">
        {SORTS.map(([value, label]) => (
          <option key={value} value={value} selected={value === sort}>
            {label}
          </option>
        ))}
      </select>
      <ul>
        <Checkbox name="inStock" value="true" label="In stock only" checked={chosen('inStock').has('true')} />
      </ul>
      {props.facets && props.facets.brands.length > 0 && (
        <fieldset>
          <legend>Brand</legend>
          <ul>
            {props.facets.brands.slice(0, 12).map((b) => (
              <Checkbox
                key={b.value}
                name="brand"
                value={b.value}
                label={`${b.value} (${b.count})`}
                checked={chosen('brand').has(b.value)}
              />
            ))}
          </ul>
        </fieldset>
      )}
      {props.facets?.filters
        .filter((f) => f.values.length > 0)
        .map((f) => (
          <fieldset key={f.key}>
            <legend>{f.label}</legend>
            <ul>
              {f.values.slice(0, 12).map((v) => (
                <Checkbox
                  key={v.value}
                  name={`f.${f.key}`}
                  value={v.value}
                  label={`${v.value} (${v.count})`}
                  checked={chosen(`f.${f.key}`).has(v.value)}
                />
              ))}
            </ul>
          </fieldset>
        ))}
      <button type="submit">Apply</button>
    </form>
  );
}

/** A link to the next page of the same list (the API's cursor, the visitor's other choices kept). */
export function NextPage(props: { path: string; choices: Choices; cursor: string | null }) {
  if (!props.cursor) return null;
  const search = new URLSearchParams();
  for (const [name, given] of Object.entries(props.choices))
    if (name !== 'cursor') for (const v of values(given)) search.append(name, v);
  search.set('cursor', props.cursor);
  return (
    <a class="button" href={`${props.path}?${search}`} rel="next">
      Next page
    </a>
  );
}
