import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import type { ApiKey } from '#shared/schemas/agent';
import ApiKeysSettings from '#client/features/settings/apiKeys/ApiKeysSettings';
import { make, mockApi, renderWith, textOf, type Call } from '#tests/client/helpers/harness';

const admin = make.agent(1, 'Ada Admin', { role: 'admin' });
const SECRET = 'brd_Zx9c4T0pSecretValueOnlyShownOnce';
const CREATED = Date.UTC(2026, 2, 3, 14, 5);

function serve(): Call[] {
  const keys: ApiKey[] = [
    {
      id: 2,
      name: 'Shop backend',
      prefix: 'brd_AbCd',
      callbackUrl: 'https://shop.example/braid',
      createdAt: CREATED,
      revokedAt: null,
    },
    {
      id: 1,
      name: 'Old CRM',
      prefix: 'brd_Qw12',
      callbackUrl: null,
      createdAt: CREATED,
      revokedAt: CREATED + 86_400_000,
    },
  ];
  return mockApi([
    ['GET', /^\/api\/api-keys$/, () => ({ items: keys })],
    [
      'POST',
      /^\/api\/api-keys$/,
      (c) => {
        const body = c.body as { name: string; callbackUrl: string | null };
        const key = { id: 3, prefix: SECRET.slice(0, 8), createdAt: CREATED, revokedAt: null, ...body };
        keys.unshift(key);
        return { status: 201, json: { key, secret: SECRET } };
      },
    ],
    [
      'DELETE',
      /^\/api\/api-keys\/\d+$/,
      (c) => {
        const k = keys.find((x) => x.id === Number(c.path.split('/').pop()))!;
        k.revokedAt = CREATED + 2 * 86_400_000;
        return { ok: true };
      },
    ],
  ]);
}

const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map(textOf));
const sent = (calls: Call[]) =>
  calls.filter((c) => c.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
const at = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

afterEach(() => vi.unstubAllGlobals());

describe('API keys settings', () => {
  it('lists keys by prefix with callback, creation time and status', async () => {
    serve();
    renderWith(<ApiKeysSettings me={admin} />);
    await screen.findByRole('row', { name: /^Shop backend/ });
    expect(rows()).toEqual([
      ['Shop backend', 'brd_AbCd…', 'https://shop.example/braid', at(CREATED), 'Active', 'Revoke Shop backend'],
      ['Old CRM', 'brd_Qw12…', 'no callback', at(CREATED), `Revoked ${at(CREATED + 86_400_000)}`, ''],
    ]);
  });

  it('creates a key and shows its secret once, with a copy button', async () => {
    const user = userEvent.setup();
    const calls = serve();
    renderWith(<ApiKeysSettings me={admin} />);
    const form = await screen.findByRole('form', { name: 'New API key' });
    await user.type(within(form).getByLabelText('Name'), '  Zapier ');
    await user.type(within(form).getByLabelText('Callback URL (optional)'), 'https://hooks.example/braid');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const box = await screen.findByRole('region', { name: 'Secret of Zapier' });
    const secret = within(box).getByRole('textbox', { name: 'Secret key' }) as HTMLInputElement;
    expect([secret.value, secret.readOnly]).toEqual([SECRET, true]);
    expect(computeAccessibleDescription(secret)).toBe(
      'Copy it now: you will not see it again. Braid keeps only a fingerprint of it.',
    );
    expect(screen.queryByRole('form', { name: 'New API key' })).toBeNull();
    await user.click(within(box).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(textOf(within(box).getByRole('status'))).toBe('Copied to the clipboard.');
    expect(rows()[0]).toEqual([
      'Zapier',
      'brd_Zx9c…',
      'https://hooks.example/braid',
      at(CREATED),
      'Active',
      'Revoke Zapier',
    ]);

    await user.click(within(box).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('region', { name: 'Secret of Zapier' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    // A key without a callback sends null, not an empty string.
    await user.type(screen.getByLabelText('Name'), 'Internal tools');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByRole('region', { name: 'Secret of Internal tools' });
    expect(sent(calls)).toEqual([
      { method: 'POST', path: '/api/api-keys', body: { name: 'Zapier', callbackUrl: 'https://hooks.example/braid' } },
      { method: 'POST', path: '/api/api-keys', body: { name: 'Internal tools', callbackUrl: null } },
    ]);
  });

  it('revokes a key only after confirming in a dialog', async () => {
    const calls = serve();
    renderWith(<ApiKeysSettings me={admin} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Shop backend' }));
    let dialog = screen.getByRole('dialog', { name: 'Revoke Shop backend?' });
    expect(textOf(dialog)).toContain('Everything using this key is refused from now on. This cannot be undone.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(calls)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Revoke Shop backend' }));
    dialog = screen.getByRole('dialog', { name: 'Revoke Shop backend?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() =>
      expect(rows()[0]).toEqual([
        'Shop backend',
        'brd_AbCd…',
        'https://shop.example/braid',
        at(CREATED),
        `Revoked ${at(CREATED + 2 * 86_400_000)}`,
        '',
      ]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(calls)).toEqual([{ method: 'DELETE', path: '/api/api-keys/2', body: undefined }]);
  });

  it('is for admins only', () => {
    const calls = serve();
    renderWith(<ApiKeysSettings me={make.agent(5, 'Lena Lead', { role: 'lead' })} />);
    expect(textOf(document.body)).toBe('Only admins can see this page.');
    expect(calls).toEqual([]);
  });
});
