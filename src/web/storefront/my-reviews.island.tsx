/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { OwnReview, ReviewInput } from '../reviews.ts';
import { buyerSession, problemText, visitor } from './cart-store.ts';
import { fieldErrors, problemOf, TextField } from './form.tsx';
import { ReviewCard } from './reviews.island.tsx';
import { StarInput } from './stars.tsx';

const FIELDS = ['rating', 'title', 'body', 'deliveryRating', 'sellerRating'] as const;
type FieldName = (typeof FIELDS)[number];

/** What the form sends: the stars and the texts given (empty ones left out). */
function inputOf(v: { rating: number; title: string; body: string; delivery: number; seller: number }) {
  const input: ReviewInput = { rating: v.rating };
  if (v.title.trim()) input.title = v.title.trim();
  if (v.body.trim()) input.body = v.body.trim();
  if (v.delivery) input.deliveryRating = v.delivery;
  if (v.seller) input.sellerRating = v.seller;
  return input;
}

/**
 * Writes a review of a product the buyer received, or changes the buyer's own: the stars, a title
 * and text, and the optional delivery and seller ratings; the API's messages beside their fields.
 */
export function ReviewForm(props: {
  productId: string;
  productName: string;
  editing: OwnReview | null;
  onSaved: (review: OwnReview) => void;
  onCancel: () => void;
}) {
  const e = props.editing;
  const [values, setValues] = useState({
    rating: e?.rating ?? 0,
    title: e?.title ?? '',
    body: e?.body ?? '',
    delivery: e?.deliveryRating ?? 0,
    seller: e?.sellerRating ?? 0,
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (value: string | number) =>
    setValues({ ...values, [name]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!values.rating) return setErrors({ rating: 'Choose from one to five stars' });
    const body = inputOf(values);
    const answer = e
      ? await visitor((api) => api.PATCH('/api/v1/reviews/{id}', { params: { path: { id: e.id } }, body }))
      : await visitor((api) =>
          api.POST('/api/v1/products/{idOrSlug}/reviews', {
            params: { path: { idOrSlug: props.productId } },
            body,
          }),
        );
    if (answer.data) return props.onSaved(answer.data);
    const found = problemOf(answer);
    setErrors(fieldErrors(found, FIELDS));
    setProblem(found.detail ?? found.title);
  };
  const id = `review-${props.productId}`;
  return (
    <form
      class="checkout review-form"
      onSubmit={(ev) => void submit(ev)}
      noValidate
      aria-label={`${e ? 'Edit your review of' : 'Review'} ${props.productName}`}
    >
      <StarInput
        name={`${id}-rating`}
        legend="Your rating"
        value={values.rating}
        onChange={(n) => {
          set('rating')(n);
          setErrors({ ...errors, rating: undefined });
        }}
        error={errors.rating}
      />
      <TextField
        id={`${id}-title`}
        label="Title"
        value={values.title}
        error={errors.title}
        onInput={set('title')}
      />
      <div class="field">
        <label for={`${id}-body`}>Your review</label>
        <textarea
          id={`${id}-body`}
          rows={5}
          maxLength={5000}
          value={values.body}
          aria-invalid={errors.body ? 'true' : undefined}
          onInput={(ev) => set('body')(ev.currentTarget.value)}
        />
        {errors.body && <span class="field-error">{errors.body}</span>}
      </div>
      <StarInput
        name={`${id}-delivery`}
        legend="Delivery"
        optional
        value={values.delivery}
        onChange={set('delivery')}
        error={errors.deliveryRating}
      />
      <StarInput
        name={`${id}-seller`}
        legend="Seller"
        optional
        value={values.seller}
        onChange={set('seller')}
        error={errors.sellerRating}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">{e ? 'Save review' : 'Submit review'}</button>{' '}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

const STATUS_WORDS: Record<OwnReview['status'], string> = {
  PENDING: 'Waiting for approval',
  PUBLISHED: 'Published',
  REJECTED: 'Not published',
  HIDDEN: 'Taken down by the store',
  REMOVED: 'Deleted',
};

/** Where the buyer's own review stands: published, waiting, or refused with the store's reason. */
export function ReviewStatus(props: { review: OwnReview }) {
  const { status, rejectionReason } = props.review;
  return (
    <p class="review-status">
      <span class={`badge ${status.toLowerCase()}`}>{STATUS_WORDS[status]}</span>
      {status === 'REJECTED' && rejectionReason && <span> Reason: {rejectionReason}</span>}
    </p>
  );
}

/** The buyer's own review with `Edit` and `Delete` (asked twice). */
function OwnReviewView(props: {
  review: OwnReview;
  productName: string;
  language: string;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    const path = { id: props.review.id };
    const answer = await visitor((api) => api.DELETE('/api/v1/reviews/{id}', { params: { path } }));
    setAsking(false);
    if (!answer.response.ok) return setProblem(problemText(answer));
    props.onDeleted();
  };
  return (
    <ReviewCard review={props.review} language={props.language}>
      <ReviewStatus review={props.review} />
      <p>
        <button
          type="button"
          class="secondary"
          aria-label={`Edit your review of ${props.productName}`}
          onClick={props.onEdit}
        >
          Edit
        </button>{' '}
        {asking ? (
          <>
            <button type="button" class="danger" onClick={() => void remove()}>
              Yes, delete it
            </button>{' '}
            <button type="button" class="link" onClick={() => setAsking(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            class="secondary"
            aria-label={`Delete your review of ${props.productName}`}
            onClick={() => setAsking(true)}
          >
            Delete
          </button>
        )}
      </p>
      {problem && <p role="alert">{problem}</p>}
    </ReviewCard>
  );
}

/**
 * A delivered order item's review: `Write a review of …` opening the form, or the buyer's own
 * review of the product with its status, `Edit` and `Delete`.
 */
export function ItemReview(props: {
  productId: string;
  productName: string;
  mine: OwnReview | null;
  language: string;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'view' | 'form'>('view');
  const [mine, setMine] = useState(props.mine);
  useEffect(() => setMine(props.mine), [props.mine]);
  if (mode === 'form')
    return (
      <ReviewForm
        productId={props.productId}
        productName={props.productName}
        editing={mine}
        onCancel={() => setMode('view')}
        onSaved={(saved) => {
          setMine(saved);
          setMode('view');
          props.onChanged();
        }}
      />
    );
  if (mine)
    return (
      <OwnReviewView
        review={mine}
        productName={props.productName}
        language={props.language}
        onEdit={() => setMode('form')}
        onDeleted={() => {
          setMine(null);
          props.onChanged();
        }}
      />
    );
  return (
    <button type="button" class="secondary" onClick={() => setMode('form')}>
      Write a review of {props.productName}
    </button>
  );
}

/** The buyer's reviews (every status but deleted), up to 200, loaded again after each change. */
export function useMyReviews() {
  const [reviews, setReviews] = useState<OwnReview[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round;
    if (!buyerSession()) return;
    void (async () => {
      const all: OwnReview[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 4; page++) {
        const query = cursor ? { limit: 50, cursor } : { limit: 50 };
        const answer = await visitor((api) => api.GET('/api/v1/me/reviews', { params: { query } }));
        if (!answer.data) return setProblem(problemText(answer));
        all.push(...answer.data.items);
        if (!answer.data.nextCursor) break;
        cursor = answer.data.nextCursor;
      }
      setReviews(all);
    })();
  }, [round]);
  return { reviews, problem, reload: () => setRound((r) => r + 1) };
}

/** The page `/account/reviews`: each of the buyer's reviews with its product, status, edit and delete. */
export function MyReviews(props: { language: string }) {
  const { reviews, problem, reload } = useMyReviews();
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => setSignedIn(Boolean(buyerSession())), []);
  if (signedIn === false)
    return (
      <p>
        <a href="/account">Sign in</a> to see your reviews.
      </p>
    );
  if (problem) return <p role="alert">{problem}</p>;
  if (!reviews) return <p>Loading your reviews…</p>;
  if (reviews.length === 0)
    return <p>You have not reviewed anything yet. Delivered items can be reviewed from your orders.</p>;
  return (
    <ul class="review-list">
      {reviews.map((r) => (
        <li key={r.id}>
          <p class="review-product">
            <a href={`/products/${encodeURIComponent(r.product?.slug ?? r.productId)}`}>
              {r.product?.name ?? 'Product'}
            </a>
          </p>
          <ItemReview
            productId={r.productId}
            productName={r.product?.name ?? 'this product'}
            mine={r}
            language={props.language}
            onChanged={reload}
          />
        </li>
      ))}
    </ul>
  );
}
