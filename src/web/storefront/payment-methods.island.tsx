/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { buyerSession, problemText, visitor } from './cart-store.ts';
import { cardName, type SavedCard } from './checkout-options.tsx';

interface Setup {
  setupId: string;
  /** Development: Stripe test cards that confirm the SetupIntent in place of Stripe.js. */
  testCards: string[];
}

const TEST_CARD_NAMES: Record<string, string> = {
  pm_card_visa: 'Visa test card (4242)',
  pm_card_mastercard: 'Mastercard test card (4444)',
};

/**
 * Adding a card: a Stripe SetupIntent, then its confirmation. Card numbers are entered only into
 * Stripe.js, which this storefront does not load; in development the server offers Stripe test
 * cards that confirm the SetupIntent instead.
 */
function AddCard(props: { onSaved: () => void; onCancel: () => void }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [testCard, setTestCard] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void visitor((api) =>
      api.POST('/api/v1/me/payment-methods/setup', { body: { provider: 'stripe' } }),
    ).then((answer) => {
      if (!answer.data) return setProblem(problemText(answer));
      const cards = answer.data.nextAction.testCards;
      const testCards = Array.isArray(cards) ? cards.map(String) : [];
      setSetup({ setupId: answer.data.setupId, testCards });
      setTestCard(testCards[0] ?? '');
    });
  }, []);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!setup) return;
    const body = { provider: 'stripe' as const, setupId: setup.setupId, ...(testCard ? { testCard } : {}) };
    const answer = await visitor((api) => api.POST('/api/v1/me/payment-methods', { body }));
    if (answer.data) return props.onSaved();
    setProblem(problemText(answer));
  };
  return (
    <form class="checkout" aria-label="Add a card" onSubmit={(e) => void save(e)}>
      {setup === null && !problem && <p>Preparing a secure card form…</p>}
      {setup && setup.testCards.length === 0 && (
        <p>Card entry opens in Stripe’s own form, which this shop has not enabled yet.</p>
      )}
      {setup && setup.testCards.length > 0 && (
        <div class="field">
          <label for="test-card">Test card</label>
          <select id="test-card" value={testCard} onChange={(e) => setTestCard(e.currentTarget.value)}>
            {setup.testCards.map((card) => (
              <option key={card} value={card}>
                {TEST_CARD_NAMES[card] ?? card}
              </option>
            ))}
          </select>
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      {setup && setup.testCards.length > 0 && <button type="submit">Save card</button>}{' '}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

function expiry(card: SavedCard): string {
  return `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
}

/** The buyer's saved cards: make one the default, remove one, add one. */
export function PaymentMethods(_props: { language: string }) {
  const [cards, setCards] = useState<SavedCard[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round;
    if (!buyerSession()) return setProblem('Sign in on your account page to see your saved cards.');
    void visitor((api) => api.GET('/api/v1/me/payment-methods')).then((answer) =>
      answer.data ? setCards(answer.data.items) : setProblem(problemText(answer)),
    );
  }, [round]);
  const reload = (message: string) => {
    setAdding(false);
    setProblem(null);
    setStatus(message);
    setRound(round + 1);
  };
  const act = async (card: SavedCard, action: 'default' | 'remove') => {
    const path = { id: card.id };
    const answer =
      action === 'default'
        ? await visitor((api) => api.POST('/api/v1/me/payment-methods/{id}/default', { params: { path } }))
        : await visitor((api) => api.DELETE('/api/v1/me/payment-methods/{id}', { params: { path } }));
    if (!answer.response.ok) return setProblem(problemText(answer));
    reload(
      action === 'default' ? `${cardName(card)} is now your default card.` : `${cardName(card)} was removed.`,
    );
  };
  return (
    <section aria-labelledby="cards-heading">
      <h2 id="cards-heading">Saved cards</h2>
      {status && <p role="status">{status}</p>}
      {problem && <p role="alert">{problem}</p>}
      {cards?.length === 0 && <p>No saved cards.</p>}
      <ul class="cart-lines">
        {cards?.map((card) => (
          <li key={card.id}>
            <span class="name">
              {cardName(card)}, expires {expiry(card)}
              {card.isDefault && <strong> (default)</strong>}
            </span>
            {!card.isDefault && (
              <button
                type="button"
                class="link"
                onClick={() => void act(card, 'default')}
                aria-label={`Make default: ${cardName(card)}`}
              >
                Make default
              </button>
            )}
            <button
              type="button"
              class="link"
              onClick={() => void act(card, 'remove')}
              aria-label={`Remove ${cardName(card)}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {cards &&
        (adding ? (
          <AddCard onSaved={() => reload('Card saved.')} onCancel={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Add a card
          </button>
        ))}
    </section>
  );
}
