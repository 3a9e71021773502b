/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { paragraphs } from '../format.ts';
import { REPORT_REASONS, type ReportReason, type Review, type ReviewSort } from '../reviews.ts';
import { buyerSession, problemText, visitor } from './cart-store.ts';
import { Stars } from './stars.tsx';

/** A review's text as paragraphs (at blank lines), always text, never markup. */
export function ReviewText(props: { text: string | null }) {
  return (
    <>
      {paragraphs(props.text).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text never reorder
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

/** Pictures uploaded to the store are shown; an address elsewhere is a link (no page loads another host). */
function Pictures(props: { images: string[] }) {
  if (props.images.length === 0) return null;
  return (
    <ul class="review-images">
      {props.images.map((src, i) => (
        <li key={src}>
          {src.startsWith('/api/v1/media/') ? (
            <img
              class="review-image"
              src={src}
              alt={`From the reviewer, ${i + 1} of ${props.images.length}`}
              width={96}
              height={96}
              loading="lazy"
            />
          ) : (
            <a href={src} rel="nofollow ugc noopener noreferrer" target="_blank">
              Reviewer's photo {i + 1}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Helpful / Not helpful: the signed-in visitor's own vote pressed; pressing it again takes it back. */
function Votes(props: { review: Review; signedIn: boolean }) {
  const [counts, setCounts] = useState({
    helpfulCount: props.review.helpfulCount,
    notHelpfulCount: props.review.notHelpfulCount,
    myVote: props.review.myVote,
  });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      setCounts({
        helpfulCount: props.review.helpfulCount,
        notHelpfulCount: props.review.notHelpfulCount,
        myVote: props.review.myVote,
      }),
    [props.review],
  );
  const vote = async (helpful: boolean) => {
    if (!props.signedIn) return setProblem('sign-in');
    const again = counts.myVote === (helpful ? 'helpful' : 'not_helpful');
    const path = { id: props.review.id };
    const answer = again
      ? await visitor((api) => api.DELETE('/api/v1/reviews/{id}/vote', { params: { path } }))
      : await visitor((api) => api.PUT('/api/v1/reviews/{id}/vote', { params: { path }, body: { helpful } }));
    if (!answer.data) return setProblem(problemText(answer));
    setProblem(null);
    setCounts({ ...answer.data, myVote: again ? null : answer.data.myVote });
  };
  return (
    <div class="votes">
      <span class="muted">Was this helpful?</span>
      <button
        type="button"
        class="secondary"
        aria-pressed={counts.myVote === 'helpful'}
        onClick={() => void vote(true)}
      >
        Helpful ({counts.helpfulCount})
      </button>
      <button
        type="button"
        class="secondary"
        aria-pressed={counts.myVote === 'not_helpful'}
        onClick={() => void vote(false)}
      >
        Not helpful ({counts.notHelpfulCount})
      </button>
      {problem === 'sign-in' ? (
        <span role="status">
          <a href="/account">Sign in</a> to vote.
        </span>
      ) : (
        problem && <span role="alert">{problem}</span>
      )}
    </div>
  );
}

/** "Report": a reason and a note for the store's staff; sent once per visitor. */
function Report(props: { review: Review; signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const id = props.review.id;
  if (state?.ok) return <p role="status">{state.text}</p>;
  if (!open)
    return (
      <button type="button" class="link small" onClick={() => setOpen(true)}>
        Report this review
      </button>
    );
  if (!props.signedIn)
    return (
      <p role="status">
        <a href="/account">Sign in</a> to report a review.
      </p>
    );
  const send = async (event: Event) => {
    event.preventDefault();
    const body = note.trim() ? { reason, note: note.trim() } : { reason };
    const answer = await visitor((api) =>
      api.POST('/api/v1/reviews/{id}/reports', { params: { path: { id } }, body }),
    );
    setState(
      answer.data
        ? { ok: true, text: 'Thank you: the store will look at this review.' }
        : { ok: false, text: problemText(answer) },
    );
  };
  return (
    <form class="report-form" onSubmit={(e) => void send(e)}>
      <label for={`report-reason-${id}`}>Why are you reporting it?</label>
      <select
        id={`report-reason-${id}`}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as ReportReason)}
      >
        {REPORT_REASONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label for={`report-note-${id}`}>Note (optional)</label>
      <input
        id={`report-note-${id}`}
        maxLength={500}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit">Send report</button>
      <button type="button" class="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {state && <p role="alert">{state.text}</p>}
    </form>
  );
}

/** One review: stars, title, author and date, the verified badge, text, pictures and the seller's reply. */
export function ReviewCard(props: { review: Review; language: string; children?: ComponentChildren }) {
  const r = props.review;
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(props.language, { year: 'numeric', month: 'long', day: 'numeric' });
  return (
    <article class="review" aria-label={`Review by ${r.author.name}`}>
      <header>
        <Stars rating={r.rating} />
        {r.title && <h3>{r.title}</h3>}
      </header>
      <p class="review-meta">
        <span class="author">{r.author.name}</span> · <time dateTime={r.createdAt}>{date(r.createdAt)}</time>
        {r.verifiedPurchase && <span class="badge verified">Verified purchase</span>}
      </p>
      <ReviewText text={r.body} />
      <Pictures images={r.images} />
      {(r.deliveryRating || r.sellerRating) && (
        <p class="review-meta">
          {r.deliveryRating && <span>Delivery: {r.deliveryRating} of 5</span>}
          {r.deliveryRating && r.sellerRating && ' · '}
          {r.sellerRating && <span>Seller: {r.sellerRating} of 5</span>}
        </p>
      )}
      {r.reply && (
        <aside class="reply" aria-label="Reply from the seller">
          <p class="reply-head">
            Reply from the seller · <time dateTime={r.reply.createdAt}>{date(r.reply.createdAt)}</time>
          </p>
          <ReviewText text={r.reply.body} />
        </aside>
      )}
      {props.children}
    </article>
  );
}

interface ListChoices {
  sort: ReviewSort;
  stars: string | undefined;
  verified: boolean;
}

/** One page of a product's published reviews as the visitor chose them (after `cursor`). */
const reviewsPage = (productId: string, choices: ListChoices, cursor?: string) =>
  visitor((api) =>
    api.GET('/api/v1/products/{idOrSlug}/reviews', {
      params: {
        path: { idOrSlug: productId },
        query: {
          sort: choices.sort,
          ...(choices.stars ? { stars: Number(choices.stars) } : {}),
          ...(choices.verified ? { verified: 'true' as const } : {}),
          ...(cursor ? { cursor } : {}),
          limit: 10,
        },
      },
    }),
  );

/**
 * The product page's reviews list: the page the server rendered, read again for a signed-in
 * visitor (their own votes), and `More reviews` appending the next page by the API's cursor (a
 * link to it without script).
 */
export function ReviewList(props: {
  productId: string;
  items: Review[];
  nextCursor: string | null;
  choices: ListChoices;
  moreHref: string | null;
  language: string;
}) {
  const [items, setItems] = useState(props.items);
  const [next, setNext] = useState(props.nextCursor);
  const [signedIn, setSignedIn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { productId, choices } = props;
  useEffect(() => {
    if (!buyerSession()) return;
    setSignedIn(true);
    void reviewsPage(productId, choices).then((answer) => {
      if (!answer.data) return;
      setItems(answer.data.items);
      setNext(answer.data.nextCursor);
    });
  }, [productId, choices]);
  const more = async (event: Event) => {
    event.preventDefault();
    if (!next) return;
    const answer = await reviewsPage(productId, choices, next);
    if (!answer.data) return setProblem(problemText(answer));
    setItems([...items, ...answer.data.items]);
    setNext(answer.data.nextCursor);
  };
  if (items.length === 0)
    return <p class="no-reviews">No reviews yet{props.choices.stars ? ' with these stars' : ''}.</p>;
  return (
    <>
      <ol class="review-list">
        {items.map((r) => (
          <li key={r.id}>
            <ReviewCard review={r} language={props.language}>
              <footer>
                <Votes review={r} signedIn={signedIn} />
                <Report review={r} signedIn={signedIn} />
              </footer>
            </ReviewCard>
          </li>
        ))}
      </ol>
      {problem && <p role="alert">{problem}</p>}
      {next && (
        <a
          class="button secondary"
          href={props.moreHref ?? '#reviews'}
          rel="next"
          onClick={(e) => void more(e)}
        >
          More reviews
        </a>
      )}
    </>
  );
}
