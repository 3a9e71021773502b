export interface Pair {
  name: string;
  value: string;
}

/** Rows of name and value (a product's specifications or attributes): change, add, remove. */
export function PairsEditor(props: {
  legend: string;
  name: string;
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  error?: string | undefined;
}) {
  const { pairs, onChange } = props;
  const put = (i: number, pair: Pair) => onChange(pairs.map((p, j) => (j === i ? pair : p)));
  const id = props.legend.toLowerCase();
  return (
    <fieldset className="pairs" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {pairs.map((pair, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="pair" key={i}>
          <label htmlFor={`${id}-${i}-name`}>{`${props.name} ${i + 1} name`}</label>
          <input
            id={`${id}-${i}-name`}
            value={pair.name}
            onChange={(e) => put(i, { ...pair, name: e.target.value })}
          />
          <label htmlFor={`${id}-${i}-value`}>{`${props.name} ${i + 1} value`}</label>
          <input
            id={`${id}-${i}-value`}
            value={pair.value}
            onChange={(e) => put(i, { ...pair, value: e.target.value })}
          />
          <button type="button" onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            Remove {props.name.toLowerCase()} {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...pairs, { name: '', value: '' }])}>
        Add {props.name.toLowerCase()}
      </button>
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
