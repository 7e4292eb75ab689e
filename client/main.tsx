import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { AppBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import './styles.css';
import './supervision.css';
import './monitor.css';

initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppBoundary>
        <App />
      </AppBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
