/** @jsxImportSource preact */

/**
 * A rating as five stars, the part of each star it reaches filled (4.3 fills four and a third),
 * read out as "Rated 4.3 out of 5". Used on the server and in the islands.
 */
export function Stars(props: { rating: number; size?: 'small' | 'large' }) {
  const rating = Math.max(0, Math.min(5, props.rating));
  const shown = Number.isInteger(rating) ? String(rating) : rating.toFixed(1);
  return (
    <span
      class={`stars${props.size ? ` ${props.size}` : ''}`}
      role="img"
      aria-label={`Rated ${shown} out of 5`}
    >
      <span class="stars-fill" style={`width:${(rating / 5) * 100}%`} aria-hidden="true">
        ★★★★★
      </span>
      <span aria-hidden="true">★★★★★</span>
    </span>
  );
}

/** Stars and the number of ratings, for product cards and the product page (nothing without ratings). */
export function RatingLine(props: { rating: number; count: number; href?: string }) {
  if (props.count <= 0) return null;
  const count = `${props.count} ${props.count === 1 ? 'rating' : 'ratings'}`;
  return (
    <span class="rating-line">
      <Stars rating={props.rating} size="small" />
      <span class="rating-value">{props.rating.toFixed(1)}</span>
      {props.href ? <a href={props.href}>({count})</a> : <span class="rating-count">({count})</span>}
    </span>
  );
}

/** A star picker (radio buttons, one per star), for writing a review. */
export function StarInput(props: {
  name: string;
  legend: string;
  value: number;
  onChange: (value: number) => void;
  optional?: boolean;
  error?: string | undefined;
}) {
  return (
    <fieldset class="star-input" aria-invalid={props.error ? 'true' : undefined}>
      <legend>
        {props.legend}
        {props.optional && <span class="muted"> (optional)</span>}
      </legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} class={n <= props.value ? 'on' : undefined}>
          <input
            type="radio"
            name={props.name}
            value={n}
            checked={props.value === n}
            onChange={() => props.onChange(n)}
          />
          <span aria-hidden="true">★</span>
          <span class="visually-hidden">
            {n} {n === 1 ? 'star' : 'stars'}
          </span>
        </label>
      ))}
      {props.error && <span class="field-error">{props.error}</span>}
    </fieldset>
  );
}
