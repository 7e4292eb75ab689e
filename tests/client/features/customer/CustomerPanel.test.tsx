import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerPanel } from '#client/features/customer/CustomerPanel';
import { factOf, make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const agents = new Map([[5, make.agent(5, 'Lena Lead')]]);
const episodes = [
  make.episode(1, 1, {
    openedAt: 1_700_000_000_000,
    resolvedAt: 1_700_000_000_000 + 2 * 3_600_000,
    firstResponseAt: 1_700_000_000_000 + 600_000,
    assigneeId: 5,
    surveyKind: 'csat',
    surveyScore: 4,
    sentimentStart: -0.6,
    sentimentEnd: 0.5,
  }),
  make.episode(2, 2, { openedAt: 1_760_000_000_000 }),
];
const duplicate = {
  ...make.customer({ id: 9, name: 'K. Nowak', language: null, timeZone: null }),
  identities: [
    {
      id: 9,
      channel: 'telegram' as const,
      address: '524287001',
      displayName: 'kasia_n',
      verified: false,
      lastInboundAt: null,
    },
  ],
  threadId: 19,
};

/** Katarzyna N's record, merged into customer 1 by Lena Lead. */
const merge = {
  id: 77,
  targetCustomerId: 1,
  sourceCustomerId: 8,
  sourceName: 'Katarzyna N',
  agentId: 5,
  createdAt: 1_750_000_000_000,
  undoneAt: null,
};

function serve(): Call[] {
  return mockApi([
    [
      'GET',
      /^\/api\/customers\/1$/,
      () => ({
        customer: make.customer(),
        threadId: 1,
        merges: [merge],
        suggestions: [
          {
            id: 5,
            matchedBy: 'email',
            identity: {
              id: 31,
              channel: 'webchat',
              address: 'visitor-a1b2c3d4',
              displayName: null,
              verified: false,
              lastInboundAt: null,
              hint: { kind: 'email', channel: 'webchat', text: 'kasia@example.pl', since: null },
            },
            claimant: { id: 30, name: 'Web visitor …a1b2c3' },
            suggested: { id: 1, name: 'Katarzyna Nowak' },
            createdAt: 1_760_000_000_000,
          },
        ],
      }),
    ],
    [
      'POST',
      /^\/api\/link-suggestions\/5\/confirm$/,
      () => ({
        status: 201,
        json: {
          id: 79,
          targetCustomerId: 1,
          sourceCustomerId: 30,
          sourceName: 'Web visitor …a1b2c3',
          agentId: 1,
          createdAt: Date.now(),
          undoneAt: null,
        },
      }),
    ],
    ['POST', /^\/api\/link-suggestions\/5\/dismiss$/, () => ({ status: 200, json: null })],
    ['PATCH', /^\/api\/customers\/1$/, (c) => make.customer(c.body as object)],
    ['GET', /^\/api\/customers\?q=/, () => ({ items: [{ ...make.customer(), threadId: 1 }, duplicate] })],
    [
      'POST',
      /^\/api\/customers\/1\/merge$/,
      () => ({
        status: 201,
        json: {
          id: 78,
          targetCustomerId: 1,
          sourceCustomerId: 9,
          sourceName: 'K. Nowak',
          agentId: 1,
          createdAt: Date.now(),
          undoneAt: null,
        },
      }),
    ],
    ['POST', /^\/api\/merges\/77\/unmerge$/, () => ({ ...merge, undoneAt: Date.now() })],
  ]);
}

function renderPanel() {
  return renderWith(
    <CustomerPanel
      customer={make.customer({ tags: ['vip'] })}
      threadId={1}
      episodes={episodes}
      currentEpisodeId={2}
      agents={agents}
    />,
  );
}

describe('customer panel', () => {
  it('shows a claimed link as a suggestion, unlinked until the agent confirms or dismisses it', async () => {
    const calls = serve();
    renderPanel();
    const claims = await screen.findByRole('region', { name: 'Possible same person' });
    expect(textOf(claims)).toContain('Web visitor …a1b2c3 typed the email of Katarzyna Nowak (kasia@example.pl)');
    expect(textOf(claims)).toContain('Not proven');
    expect(textOf(claims)).not.toContain('visitor-a1b2c3d4'); // the visitor's raw id is never shown
    await userEvent.click(within(claims).getByRole('button', { name: 'Link as one customer' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/link-suggestions/5/confirm')).toHaveLength(1));
    await userEvent.click(within(claims).getByRole('button', { name: 'Not the same person' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/link-suggestions/5/dismiss')).toHaveLength(1));
  });

  it('shows identities with verified marks, language, local time and earlier episodes', () => {
    serve();
    renderPanel();
    const panel = screen.getByRole('complementary', { name: 'Customer details' });
    const ids = within(panel).getByRole('list', { name: 'Channels' });
    const sms = within(ids).getByText('+48600100200').closest('li') as HTMLElement;
    expect(textOf(sms)).toContain('verified');
    expect(textOf(sms)).not.toContain('unverified');
    const email = within(ids).getByText('Kasia N.').closest('li') as HTMLElement;
    expect(textOf(email)).toContain('unverified');
    expect(factOf(panel, 'Language')).toBe('Polish');
    expect(factOf(panel, 'Local time')).toMatch(/^\d{1,2}:\d{2}( [AP]M)? \(Europe\/Warsaw\)$/);
    const eps = within(panel).getByRole('list', { name: 'Earlier conversations' });
    const episodeTexts = within(eps).getAllByRole('listitem').map(textOf);
    // The resolved episode carries its duration, survey and mood; the open one is marked current.
    expect(
      episodeTexts.filter(
        (e) => e.includes('resolved in 2h') && e.includes('CSAT 4/5') && e.includes('mood -0.6 → +0.5'),
      ),
    ).toHaveLength(1);
    expect(episodeTexts.filter((e) => e.includes('current'))).toHaveLength(1);
    expect(episodeTexts.filter((e) => e.includes('current') && e.includes('CSAT'))).toHaveLength(0);
  });

  it('edits tags and notes', async () => {
    const calls = serve();
    renderPanel();
    await userEvent.type(screen.getByRole('textbox', { name: 'Add a tag' }), 'refund-pending{Enter}');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ tags: ['vip', 'refund-pending'] }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag vip' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ tags: [] }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes' }), 'Prefers SMS');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ notes: 'Prefers SMS' }),
    );
  });

  it('edits the name, language and time zone, refusing a zone that does not exist', async () => {
    const calls = serve();
    renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Edit name, language, time zone' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'th');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    expect(screen.getByRole('alert').textContent).toMatch(/time zone/);
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Bangkok');
    await userEvent.type(screen.getByRole('textbox', { name: 'Tier' }), 'vip');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toMatchObject({
        language: 'th',
        timeZone: 'Asia/Bangkok',
        tier: 'vip',
      }),
    );
  });

  it('merges a duplicate after search and preview, and undoes a merge from its audit entry', async () => {
    const calls = serve();
    renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Merge another customer into this one…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge into Kasia Nowak' });
    await userEvent.type(within(dialog).getByRole('searchbox', { name: 'Find the duplicate' }), 'Nowak');
    const hits = await within(dialog).findByRole('list', { name: 'Matching customers' });
    await waitFor(() => expect(within(hits).getAllByRole('button')).toHaveLength(1)); // the customer itself is not offered
    await userEvent.click(within(hits).getByRole('button', { name: /K\. Nowak/ }));
    const source = within(dialog).getByRole('region', { name: 'Will be merged in' });
    expect(source.textContent).toContain('Telegram user');
    expect(source.textContent).not.toContain('524287001'); // a Telegram user id is not for agents' eyes
    expect(textOf(dialog)).toMatch(/The channel and whole history of K\. Nowak move into Kasia Nowak/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/customers/1/merge')?.body).toEqual({ sourceCustomerId: 9 }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const history = await screen.findByRole('list', { name: 'Merge history' });
    expect(textOf(history)).toMatch(/Katarzyna N merged in by Lena Lead/);
    expect(textOf(history)).not.toContain('Split Katarzyna N off again?');
    await userEvent.click(within(history).getByRole('button', { name: 'Undo merge' }));
    expect(textOf(history)).toContain('Split Katarzyna N off again?');
    await userEvent.click(within(history).getByRole('button', { name: 'Undo merge' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/api/merges/77/unmerge')).toBe(true),
    );
  });
});
