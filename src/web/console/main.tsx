import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DeliveriesTable } from './agent.tsx';
import { bazaar, call, saveSession, session } from './api.ts';
import { SignIn } from './SignIn.tsx';
import { OrdersTable, ProductsTable, SellerItemsTable } from './views.tsx';
import './console.css';

type Role = 'ADMIN' | 'SELLER' | 'DELIVERY_AGENT';

interface ConsoleKind {
  title: string;
  role: Role;
  sections: Array<[string, () => ReactNode]>;
}

/** The three consoles by their path: who may use each and what it shows. */
const CONSOLES: Record<string, ConsoleKind> = {
  admin: {
    title: 'Store console',
    role: 'ADMIN',
    sections: [
      ['Orders', () => <OrdersTable />],
      ['Products', () => <ProductsTable canCreate />],
    ],
  },
  seller: {
    title: 'Seller console',
    role: 'SELLER',
    sections: [
      ['Order items', () => <SellerItemsTable />],
      ['Products', () => <ProductsTable />],
    ],
  },
  agent: {
    title: 'Deliveries',
    role: 'DELIVERY_AGENT',
    sections: [['Deliveries', () => <DeliveriesTable />]],
  },
};

function Console(props: { kind: ConsoleKind; onSignOut: () => void }) {
  const me = useQuery({
    queryKey: ['/me'],
    queryFn: () => call(() => bazaar.GET('/api/v1/me')),
  });
  const [section, setSection] = useState(0);
  if (me.isPending) return <p>Loading…</p>;
  if (me.isError) return <p role="alert">{me.error.message}</p>;
  if (!me.data.roles.includes(props.kind.role))
    return (
      <main>
        <p role="alert">This account cannot use the {props.kind.title.toLowerCase()}.</p>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </main>
    );
  const [, render] = props.kind.sections[section]!;
  return (
    <>
      <header className="bar">
        <strong>{props.kind.title}</strong>
        <nav aria-label="Sections" hidden={props.kind.sections.length < 2}>
          {props.kind.sections.map(([name], i) => (
            <button
              key={name}
              type="button"
              aria-current={i === section ? 'page' : undefined}
              onClick={() => setSection(i)}
            >
              {name}
            </button>
          ))}
        </nav>
        <span>{me.data.name}</span>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main>
        <h1>{props.kind.sections[section]![0]}</h1>
        {render()}
      </main>
    </>
  );
}

function App() {
  const kind = CONSOLES[window.location.pathname.split('/')[1] ?? ''] ?? CONSOLES.admin!;
  const [signedIn, setSignedIn] = useState(Boolean(session()));
  document.title = kind.title;
  if (!signedIn) return <SignIn title={kind.title} onSignedIn={() => setSignedIn(true)} />;
  const signOut = () => {
    saveSession(null);
    queryClient.clear();
    setSignedIn(false);
  };
  return <Console kind={kind} onSignOut={signOut} />;
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
