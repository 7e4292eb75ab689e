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

/** The workspace: a sidebar beside the route at `route`, whose content may crash. */
function workspace(route: string, label: string) {
  return (
    <>
      <p>sidebar</p>
      <RouteBoundary resetKey={route}>
        <Fragile label={label} />
      </RouteBoundary>
    </>
  );
}

afterEach(() => vi.restoreAllMocks());

describe('error boundaries', () => {
  it('shows a route’s crash in place with a retry, and clears it on navigation', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    crashes = 2; // React renders a failed tree twice before giving up on it
    const { rerender } = renderWith(workspace('/t/1', 'thread 1'));
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong here: row 3 has no customer');
    expect(screen.queryByText('sidebar')).not.toBeNull(); // the rest of the workspace stays
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText('thread 1')).not.toBeNull();

    crashes = 2;
    rerender(workspace('/t/1', 'thread 1 again'));
    expect(screen.queryByRole('alert')).not.toBeNull();
    rerender(workspace('/t/2', 'thread 2'));
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
