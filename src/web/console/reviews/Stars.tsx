import { paragraphs } from '../../format.ts';

/** A rating as stars, read out as "Rated N out of 5". */
export function Stars(props: { rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`Rated ${props.rating} out of 5`}>
      {starText(props.rating)}
    </span>
  );
}

/** A review's own text as paragraphs: always text, never markup. */
export function Paragraphs(props: { text: string | null }) {
  return (
    <>
      {paragraphs(props.text).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text never reorder
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

/** A rating for people: filled and empty stars. */
export function starText(rating: number): string {
  const n = Math.round(rating);
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;
}
