import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WebhookDelivery, WebhookEndpoint } from '#shared/schemas/webhooks';
import WebhooksSettings from '#client/features/settings/webhooks/WebhooksSettings';
import { make, mockApi, renderWith, type Call } from '#tests/client/helpers/harness';

const admin = make.agent(1, 'Ada Admin', { role: 'admin' });
const AT = Date.UTC(2026, 2, 3, 14, 5);
const NEW_SECRET = 'whsec_NewSecretShownOnlyThisOnce0123456789abcdefg';
const endpoint: WebhookEndpoint = {
  id: 4,
  url: 'https://crm.example/braid',
  events: ['conversation.assigned'],
  createdAt: AT,
  counts: { pending: 0, done: 1, failed: 1 },
  lastError: 'the receiver answered HTTP 410',
};
const delivery = (over: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 1,
  event: 'conversation.assigned',
  status: 'done',
  attempts: 1,
  lastError: null,
  lastStatusCode: 200,
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

function serve(): Call[] {
  const deliveries = [
    delivery({ id: 12, status: 'failed', lastStatusCode: 410, lastError: 'the receiver answered HTTP 410' }),
    delivery({ id: 11 }),
  ];
  return mockApi([
    ['GET', /^\/api\/webhook-endpoints$/, () => ({ items: [endpoint] })],
    ['GET', /^\/api\/webhook-endpoints\/4\/deliveries$/, () => ({ items: deliveries })],
    ['POST', /^\/api\/webhook-endpoints\/4\/rotate-secret$/, () => ({ endpoint, secret: NEW_SECRET })],
    [
      'POST',
      /^\/api\/webhook-endpoints\/4\/deliveries\/12\/retry$/,
      () => {
        deliveries[0] = { ...deliveries[0], status: 'pending' };
        return { delivery: deliveries[0] };
      },
    ],
  ]);
}

afterEach(() => vi.unstubAllGlobals());

describe('webhook settings', () => {
  it('rotates an endpoint secret after a confirmation and shows the new one once', async () => {
    const calls = serve();
    renderWith(<WebhooksSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: `Rotate secret ${endpoint.url}` }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the signing secret?' });
    expect(dialog.textContent).toContain('the old secret stops working at once');
    expect(calls.some((c) => c.path.endsWith('/rotate-secret'))).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByRole('heading', { name: `New signing secret for ${endpoint.url}` })).not.toBeNull();
    expect((screen.getByDisplayValue(NEW_SECRET) as HTMLInputElement).readOnly).toBe(true);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/webhook-endpoints/4/rotate-secret',
    ]);
  });

  it('offers "Retry now" on failed deliveries only, and retries that one', async () => {
    const calls = serve();
    renderWith(<WebhooksSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: `Show deliveries ${endpoint.url}` }));
    const table = await screen.findByRole('table', { name: 'Deliveries' });
    const retry = await within(table).findAllByRole('button', { name: /^Retry now/ });
    expect(retry.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Retry now delivery 12']);
    await userEvent.click(retry[0]);
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        '/api/webhook-endpoints/4/deliveries/12/retry',
      ]),
    );
    await waitFor(() => expect(within(table).queryByRole('button', { name: /^Retry now/ })).toBeNull());
    expect(within(table).getByText('Waiting')).not.toBeNull();
  });
});
