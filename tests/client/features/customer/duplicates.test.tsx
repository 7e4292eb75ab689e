import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IdentityHint } from '#shared/schemas/customer';
import { CustomerPanel } from '#client/features/customer/CustomerPanel';
import { CustomerHits } from '#client/features/search/CustomerHits';
import { ThreadRow } from '#client/features/inbox/ThreadRow';
import { make, mockApi, renderWith, textOf } from '#tests/client/helpers/harness';

const phoneHint: IdentityHint = { kind: 'phone', channel: 'sms', text: '+86 ••• •••• •678', since: null };
const visitorHint: IdentityHint = { kind: 'visitor', channel: 'webchat', text: null, since: Date.UTC(2026, 11, 2) };
const visitor = (id: number) => ({
  id,
  channel: 'webchat' as const,
  address: 'demo-visitor-38',
  displayName: '王芳',
  verified: true,
  lastInboundAt: null,
  hint: visitorHint,
});

describe('likely duplicates in the customer panel', () => {
  it('shows a namesake with the reason, dismisses it, or opens the merge preview on it', async () => {
    const twin = {
      ...make.customer({ id: 9, name: 'Kasia Nowak', language: null, timeZone: null }),
      identities: [{ ...make.customer().identities[1], id: 12, address: 'kasia+shop@example.com', displayName: null }],
      hint: { kind: 'email' as const, channel: 'email' as const, text: 'kasia+shop@example.com', since: null },
    };
    const calls = mockApi([
      ['GET', /^\/api\/customers\/1$/, () => ({ customer: make.customer(), threadId: 1, merges: [], suggestions: [] })],
      [
        'GET',
        /^\/api\/customers\/1\/duplicates$/,
        () => ({
          items: [
            {
              customer: twin,
              threadId: 19,
              score: 0.8,
              strength: 'strong',
              reasons: [{ kind: 'email_variant', value: 'kasia@example.com' }],
            },
          ],
        }),
      ],
      ['POST', /^\/api\/customers\/1\/duplicates\/9\/dismiss$/, () => ({ status: 204, json: null })],
      [
        'POST',
        /^\/api\/customers\/1\/merge$/,
        () => ({
          status: 201,
          json: {
            id: 80,
            targetCustomerId: 1,
            sourceCustomerId: 9,
            sourceName: 'Kasia Nowak',
            agentId: 1,
            createdAt: 1,
            undoneAt: null,
          },
        }),
      ],
    ]);
    renderWith(
      <CustomerPanel
        customer={make.customer()}
        threadId={1}
        episodes={[]}
        currentEpisodeId={null}
        agents={new Map()}
      />,
    );
    const box = await screen.findByRole('region', { name: 'Likely duplicates' });
    expect(textOf(box)).toContain('kasia+shop@example.com');
    expect(textOf(box)).toContain('Likely the same person');
    expect(textOf(box)).toContain('Same name, and the same mailbox kasia@example.com');
    expect(within(box).getByRole('link', { name: 'Open their conversation' }).getAttribute('href')).toBe('/t/19');

    await userEvent.click(within(box).getByRole('button', { name: 'Not the same person' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/customers/1/duplicates/9/dismiss')).toBe(true));

    await userEvent.click(within(box).getByRole('button', { name: 'Review merge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge into Kasia Nowak' });
    expect(textOf(within(dialog).getByRole('region', { name: 'Will be merged in' }))).toContain(
      'kasia+shop@example.com',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/customers/1/merge')?.body).toEqual({ sourceCustomerId: 9 }),
    );
  });
});

describe('namesakes in lists', () => {
  it('inbox rows tell two 王芳 apart by a masked phone and a visitor label, never the visitor id', () => {
    const a = make.thread(1, { customer: { id: 1, name: '王芳', hint: phoneHint } });
    const b = make.thread(2, { customer: { id: 2, name: '王芳', hint: visitorHint } });
    renderWith(
      <div>
        <ThreadRow thread={a} selected={false} assignee={undefined} myId={1} />
        <ThreadRow thread={b} selected={false} assignee={undefined} myId={1} />
      </div>,
    );
    const [rowA, rowB] = screen.getAllByRole('link').map(textOf);
    expect(rowA).toContain('王芳+86 ••• •••• •678');
    expect(rowB).toContain('王芳Web chat visitor · since Dec 2');
  });

  it('the customers tab of search shows the hint, not the raw address of the first identity', async () => {
    mockApi([
      [
        'GET',
        /^\/api\/customers\?q=/,
        () => ({
          items: [
            { ...make.customer({ id: 3, name: '王芳', identities: [visitor(3)], hint: visitorHint }), threadId: 3 },
            {
              ...make.customer({
                id: 4,
                name: '王芳',
                identities: [{ ...visitor(4), channel: 'api', address: '2:xss-1', hint: undefined }],
                hint: { kind: 'user', channel: 'api', text: null, since: null },
              }),
              threadId: 4,
            },
            { ...make.customer({ id: 5, name: '王芳', hint: phoneHint }), threadId: 5 },
          ],
        }),
      ],
    ]);
    renderWith(<CustomerHits q="王芳" />);
    const list = await screen.findByRole('list', { name: 'Customers' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const text = textOf(list);
    expect(text).toContain('Web chat visitor · since Dec 2');
    expect(text).toContain('API user');
    expect(text).toContain('+86 ••• •••• •678');
    expect(text).not.toContain('demo-visitor-38');
    expect(text).not.toContain('2:xss-1');
  });
});
