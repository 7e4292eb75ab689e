import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppBoundary, RouteBoundary } from '#client/components/ErrorBoundary';
import { renderWith } from '#tests/client/helpers/harness';

let crashes = 0;
/** Throws while `crashes` is above zero, counting down each time. */
function Fragile({ label }: { label: string }) {
  if (crashes > 0) {
    crashes--;
    throw new Error('row 3 has no customer');
  }
  return <p>{label}</p>;
}

afterEach(() => vi.restoreAllMocks());

describe('error boundaries', () => {
  it('shows a route’s crash in place with a retry, and clears it on navigation', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    crashes = 2; // React renders a failed tree twice before giving up on it
    const { rerender } = renderWith(
      <>
        <p>sidebar</p>
        <RouteBoundary resetKey="/t/1">
          <Fragile label="thread 1" />
        </RouteBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong here: row 3 has no customer');
    expect(screen.queryByText('sidebar')).not.toBeNull(); // the rest of the workspace stays
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText('thread 1')).not.toBeNull();

    crashes = 2;
    rerender(
      <>
        <p>sidebar</p>
        <RouteBoundary resetKey="/t/1">
          <Fragile label="thread 1 again" />
        </RouteBoundary>
      </>,
    );
    expect(screen.queryByRole('alert')).not.toBeNull();
    rerender(
      <>
        <p>sidebar</p>
        <RouteBoundary resetKey="/t/2">
          <Fragile label="thread 2" />
        </RouteBoundary>
      </>,
    );
    expect(screen.queryByText('thread 2')).not.toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('catches at the app root what no route caught, offering a reload', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    crashes = 2;
    renderWith(
      <AppBoundary>
        <Fragile label="app" />
      </AppBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('row 3 has no customer');
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeNull();
  });
});
