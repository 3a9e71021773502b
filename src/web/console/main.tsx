import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptHandover, saveSession, session } from './api.ts';
import { CONSOLES } from './consoles.tsx';
import { PlatformApp } from './platform/PlatformApp.tsx';
import { SignIn } from './SignIn.tsx';
import { Console } from './shell.tsx';
import './console.css';

/** The console the address names: the platform's (its own accounts), or one of a store's. */
function App() {
  return window.location.pathname.split('/')[1] === 'platform' ? <PlatformApp /> : <StoreApp />;
}

function StoreApp() {
  const name = window.location.pathname.split('/')[1] ?? '';
  const kind = CONSOLES[name] ?? CONSOLES.admin!;
  const [signedIn, setSignedIn] = useState(Boolean(session()));
  document.title = kind.title;
  if (!signedIn) return <SignIn title={kind.title} onSignedIn={() => setSignedIn(true)} />;
  const signOut = () => {
    saveSession(null);
    queryClient.clear();
    setSignedIn(false);
  };
  return <Console base={`/${CONSOLES[name] ? name : 'admin'}`} kind={kind} onSignOut={signOut} />;
}

// a business owner sent here by the platform console, signed in with its platform session
if (window.location.pathname.split('/')[1] === 'admin') adoptHandover();

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
