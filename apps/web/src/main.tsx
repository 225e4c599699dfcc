import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { App } from './app/app.tsx';
import { SessionProvider } from './auth/session.tsx';
import { LocaleProvider } from './i18n/locale.tsx';
import './styles.css';

// A key revoked while the tab is open: drop it and show the login page instead of a wall of 401 errors.
const onError = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) {
    sessionStorage.removeItem('raqib.apiKey');
    window.location.reload();
  }
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <SessionProvider>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </SessionProvider>
    </LocaleProvider>
  </StrictMode>,
);
