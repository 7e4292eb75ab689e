import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  children: ReactNode;
  /** When this changes (the route), a shown error is cleared and the children render again. */
  resetKey?: unknown;
  /** Called when the boundary is reset (before the children render again). */
  onReset?: () => void;
  fallback: (error: Error, reset: () => void) => ReactNode;
}

/** Catches what its children throw while rendering and shows `fallback` instead of a blank page. */
export class ErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen crashed', error, info.componentStack);
  }

  override componentDidUpdate(prev: BoundaryProps): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.reset();
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

function Crashed({ error, action, onAction }: { error: Error; action: string; onAction(): void }) {
  const { t } = useTranslation();
  return (
    <div className="crashed pad" role="alert">
      <p>{t('app.crashed', { reason: error.message })}</p>
      <button type="button" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}

/** One route's content: a crash there leaves the rest of the workspace working; "Try again" re-renders it. */
export function RouteBoundary({ resetKey, children }: { resetKey: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  const queries = useQueryErrorResetBoundary();
  return (
    <ErrorBoundary
      resetKey={resetKey}
      onReset={queries.reset}
      fallback={(error, reset) => <Crashed error={error} action={t('app.retry')} onAction={reset} />}
    >
      {children}
    </ErrorBoundary>
  );
}

/** The last line: anything that escapes the routes' boundaries gets a message and a reload. */
export function AppBoundary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ErrorBoundary
      fallback={(error) => <Crashed error={error} action={t('app.reload')} onAction={() => window.location.reload()} />}
    >
      {children}
    </ErrorBoundary>
  );
}
