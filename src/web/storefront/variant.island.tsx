/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { formatMoney, type Money } from '../format.ts';
import { addToCart } from './cart-store.ts';

export interface PickerVariant {
  options: Record<string, string>;
  /** The variant's best offer a buyer can take, or null when none is available. */
  offer: { id: string; price: Money } | null;
}

/**
 * The product page's buying box for a product with options: one choice per option in the
 * merchant's order, its values in order; the matching variant's price, and Add to cart.
 */
export function VariantPicker(props: {
  options: Array<{ name: string; values: string[] }>;
  variants: PickerVariant[];
  language: string;
}) {
  const first = props.variants.find((v) => v.offer) ?? props.variants[0];
  const [chosen, setChosen] = useState<Record<string, string>>(first?.options ?? {});
  const [state, setState] = useState<string>('idle');
  const match = props.variants.find((v) => props.options.every((o) => v.options[o.name] === chosen[o.name]));
  const add = async () => {
    if (!match?.offer) return;
    setState('adding');
    try {
      await addToCart(match.offer.id);
      setState('added');
    } catch (error) {
      setState((error as Error).message);
    }
  };
  return (
    <div class="add-to-cart">
      {props.options.map((option) => (
        <div class="field" key={option.name}>
          <label for={`option-${option.name}`}>{option.name}</label>
          <select
            id={`option-${option.name}`}
            value={chosen[option.name]}
            onChange={(e) => setChosen({ ...chosen, [option.name]: e.currentTarget.value })}
          >
            {option.values.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
      {match?.offer ? (
        <p class="price">{formatMoney(match.offer.price, props.language)}</p>
      ) : (
        <p class="notice">This combination is not available</p>
      )}
      <button type="button" disabled={!match?.offer || state === 'adding'} onClick={() => void add()}>
        Add to cart
      </button>
      {state === 'added' && (
        <p role="status">
          Added to your cart. <a href="/cart">View cart</a>
        </p>
      )}
      {!['idle', 'adding', 'added'].includes(state) && <p role="alert">{state}</p>}
    </div>
  );
}
