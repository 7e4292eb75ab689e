import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SearchHit } from '#shared/schemas/search';
import { SearchPage } from '#client/features/search/SearchPage';
import { Snippet } from '#client/features/search/Snippet';
import { CsvRowCounter } from '#client/features/search/csvProgress';
import { make, mockApi, renderWith, textOf } from '#tests/client/helpers/harness';

const supervisor = make.agent(7, 'Sara Supervisor', { role: 'supervisor', teamIds: [] });
const hit = (over: Partial<SearchHit>): SearchHit => ({
  messageId: 1,
  threadId: 10,
  customerId: 100,
  customerName: 'Somchai',
  channel: 'line',
  direction: 'inbound',
  snippet: '',
  highlights: [],
  at: Date.UTC(2026, 10, 20, 9, 0),
  ...over,
});
const HITS = [
  hit({ messageId: 501, threadId: 41, customerName: 'สมชาย ใจดี', snippet: 'ยังไม่ได้รับพัสดุเลยค่ะ', highlights: [[12, 17]] }),
  hit({
    messageId: 502,
    threadId: 42,
    customerName: 'Wang Fang',
    channel: 'webchat',
    snippet: '包裹什么时候到',
    highlights: [[0, 2]],
  }),
];

function serve() {
  return mockApi([
    ['GET', /^\/api\/search\?/, () => ({ hits: HITS, nextCursor: null })],
    ['GET', /^\/api\/agents$/, () => ({ items: [supervisor, make.agent(3, 'Adam Agent')] })],
    ['GET', /^\/api\/teams$/, () => ({ items: [{ id: 1, name: 'Bangkok', autoAssign: false, memberIds: [3] }] })],
  ]);
}

beforeEach(() => window.history.replaceState(null, '', '/search?q=%E0%B8%9E%E0%B8%B1%E0%B8%AA%E0%B8%94%E0%B8%B8'));
afterEach(() => vi.unstubAllGlobals());

describe('snippet highlighting', () => {
  it('marks the matched ranges and renders customer text as text, never as HTML', () => {
    const text = 'see <img src=x onerror="alert(1)"> พัสดุ <b>now</b>';
    const at = text.indexOf('พัสดุ');
    const { container } = render(<Snippet text={text} highlights={[[at, at + 5]]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['พัสดุ']);
    expect(container.textContent).toBe(text);
  });

  it('ignores overlapping and out-of-range highlights', () => {
    const { container } = render(
      <Snippet
        text="abcdef"
        highlights={[
          [4, 9],
          [0, 2],
          [1, 3],
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ab', 'c', 'ef']);
    expect(container.textContent).toBe('abcdef');
  });
});

describe('CSV progress', () => {
  it('counts records, not line breaks inside quoted cells, across chunk boundaries', () => {
    const c = new CsvRowCounter();
    for (const piece of ['id,text\r\n1,"two\r\nlines"\r', '\n2,"a ""quote""', '"\r\n3,x\r\n']) c.push(piece);
    expect(c.rows).toBe(3);
  });
});

describe('search page', () => {
  it('shows hits with highlighted snippets and opens the thread at the message', async () => {
    const calls = serve();
    renderWith(<SearchPage me={supervisor} />);
    const list = await screen.findByRole('list', { name: 'Messages found' });
    const items = await within(list).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('mark')?.textContent)).toEqual(['พัสดุ', '包裹']);
    expect(textOf(items[0])).toContain('สมชาย ใจดี');
    const search = calls.find((c) => c.path.startsWith('/api/search'))!;
    expect(new URLSearchParams(search.path.split('?')[1]).get('q')).toBe('พัสดุ');
    await userEvent.click(within(items[1]).getByRole('link'));
    expect(window.location.pathname + window.location.search).toBe('/t/42?m=502');
  });

  it('puts filters in the address and in the request', async () => {
    const calls = serve();
    renderWith(<SearchPage me={supervisor} />);
    await screen.findByRole('list', { name: 'Messages found' });
    await userEvent.selectOptions(screen.getByLabelText('Channel'), 'line');
    await userEvent.selectOptions(await screen.findByLabelText('Agent'), '3');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('agentId')).toBe('3'));
    expect(new URLSearchParams(window.location.search).get('channel')).toBe('line');
    const last = new URLSearchParams(
      calls
        .filter((c) => c.path.startsWith('/api/search'))
        .at(-1)!
        .path.split('?')[1],
    );
    expect([last.get('channel'), last.get('agentId'), last.get('q')]).toEqual(['line', '3', 'พัสดุ']);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(new URLSearchParams(window.location.search).get('channel')).toBeNull();
  });

  it('filters by survey score range, SLA breached and customer tag, in the request and both exports', async () => {
    const calls = serve();
    renderWith(<SearchPage me={supervisor} />);
    await screen.findByRole('list', { name: 'Messages found' });
    const lastSearch = () =>
      new URLSearchParams(
        calls
          .filter((c) => c.path.startsWith('/api/search'))
          .at(-1)!
          .path.split('?')[1],
      );
    await userEvent.selectOptions(screen.getByLabelText('Score to'), '8');
    // A range is picked low to high: "from" offers nothing above "to".
    const from = screen.getByLabelText('Score from') as HTMLSelectElement;
    expect([...from.options].map((o) => o.value)).toEqual(['', ...'012345678'.split('')]);
    await userEvent.selectOptions(from, '2');
    // CSAT answers are 1–5: choosing CSAT drops the 8 and offers 2–5.
    await userEvent.selectOptions(screen.getByLabelText('Survey'), 'csat');
    const to = screen.getByLabelText('Score to') as HTMLSelectElement;
    expect(to.value).toBe('');
    expect([...to.options].map((o) => o.value)).toEqual(['', '2', '3', '4', '5']);
    await userEvent.selectOptions(screen.getByLabelText('SLA'), 'true');
    // The tag applies on Enter, not on every keystroke.
    await userEvent.type(screen.getByLabelText('Customer tag'), 'vip');
    expect(new URLSearchParams(window.location.search).get('tag')).toBeNull();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(lastSearch().get('tag')).toBe('vip'));
    const sent = lastSearch();
    expect(['surveyKind', 'scoreMin', 'scoreMax', 'slaBreached', 'q'].map((k) => sent.get(k))).toEqual([
      'csat',
      '2',
      null,
      'true',
      'พัสดุ',
    ]);
    const address = new URLSearchParams(window.location.search);
    expect([address.get('slaBreached'), address.get('scoreMin'), address.get('tag')]).toEqual(['true', '2', 'vip']);
    for (const name of ['Export results (CSV)', 'Export conversations (CSV)']) {
      await userEvent.click(screen.getByRole('button', { name }));
    }
    const exports = calls.filter((c) => c.path.startsWith('/api/exports/'));
    expect(exports.map((c) => c.path.split('?')[0])).toEqual(['/api/exports/search', '/api/exports/conversations']);
    for (const c of exports) {
      const p = new URLSearchParams(c.path.split('?')[1]);
      expect([p.get('surveyKind'), p.get('scoreMin'), p.get('slaBreached'), p.get('tag')], c.path).toEqual([
        'csat',
        '2',
        'true',
        'vip',
      ]);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('tag')).toBeNull());
    expect((screen.getByLabelText('Customer tag') as HTMLInputElement).value).toBe('');
  });

  it('offers CSV exports to supervisors only, and customers as the other tab', async () => {
    serve();
    const { unmount } = renderWith(<SearchPage me={supervisor} />);
    expect(await screen.findByRole('button', { name: 'Export results (CSV)' })).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Export conversations (CSV)' })).not.toBeNull();
    unmount();
    renderWith(<SearchPage me={make.agent(3, 'Adam Agent')} />);
    await screen.findByRole('list', { name: 'Messages found' });
    expect(screen.queryByRole('button', { name: 'Export results (CSV)' })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Customers' }));
    expect(new URLSearchParams(window.location.search).get('tab')).toBe('customers');
    expect(screen.getByRole('tab', { name: 'Customers' }).getAttribute('aria-selected')).toBe('true');
  });
});
