import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizeEmail, normalizePhone } from '#server/domain/address';
import { resolveCustomer } from '#server/domain/identity';
import { InvalidAddressError } from '#server/errors';

describe('normalizeAddress', () => {
  it('turns every phone spelling into E.164', () => {
    expect(normalizePhone('+48 512 345 678')).toBe('+48512345678');
    expect(normalizePhone('whatsapp:+66812345678')).toBe('+66812345678');
    expect(normalizePhone('66812345678')).toBe('+66812345678'); // WhatsApp Cloud wa_id has no plus
    expect(normalizePhone('0048512345678')).toBe('+48512345678');
    expect(normalizePhone('hello')).toBeNull();
  });

  it('lower-cases emails and rejects non-emails', () => {
    expect(normalizeEmail('  Anna.Kowalska@Example.COM ')).toBe('anna.kowalska@example.com');
    expect(normalizeEmail('not an email')).toBeNull();
  });

  it('keys phone channels by phone, email by lower-cased address, others by opaque id', () => {
    expect(normalizeAddress('whatsapp', 'whatsapp:+1 415 555 0101')).toEqual({
      address: '+14155550101',
      phone: '+14155550101',
      email: null,
    });
    expect(normalizeAddress('email', 'Bob@Example.com')).toEqual({
      address: 'bob@example.com',
      phone: null,
      email: 'bob@example.com',
    });
    expect(normalizeAddress('telegram', ' 12345 ', { phone: '+48512345678' })).toEqual({
      address: '12345',
      phone: '+48512345678',
      email: null,
    });
    expect(() => normalizeAddress('sms', 'abc')).toThrow(InvalidAddressError);
    expect(() => normalizeAddress('line', '   ')).toThrow(InvalidAddressError);
  });
});

describe('resolveCustomer match order', () => {
  const none = { exact: null, samePhone: [], sameEmail: [] };
  it('prefers the exact identity over phone and email matches', () => {
    expect(
      resolveCustomer({
        exact: { id: 9, customerId: 3 },
        samePhone: [{ id: 1, customerId: 1 }],
        sameEmail: [{ id: 2, customerId: 2 }],
      }),
    ).toEqual({
      kind: 'existing-identity',
      identityId: 9,
      customerId: 3,
    });
  });
  it('then the same phone on any phone-based identity (oldest first)', () => {
    expect(
      resolveCustomer({
        ...none,
        samePhone: [
          { id: 1, customerId: 7 },
          { id: 5, customerId: 8 },
        ],
        sameEmail: [{ id: 2, customerId: 2 }],
      }),
    ).toEqual({
      kind: 'link-to-customer',
      customerId: 7,
      matchedBy: 'phone',
    });
  });
  it('then the same email', () => {
    expect(resolveCustomer({ ...none, sameEmail: [{ id: 2, customerId: 4 }] })).toEqual({
      kind: 'link-to-customer',
      customerId: 4,
      matchedBy: 'email',
    });
  });
  it('otherwise a new customer', () => {
    expect(resolveCustomer(none)).toEqual({ kind: 'new-customer' });
  });
});

describe('WhatsApp business-scoped user ids', () => {
  it('accepts a BSUID as a WhatsApp address without a phone, and still rejects garbage', () => {
    expect(normalizeAddress('whatsapp', 'US.13491208655302741918')).toEqual({
      address: 'US.13491208655302741918',
      phone: null,
      email: null,
    });
    expect(() => normalizeAddress('sms', 'US.13491208655302741918')).toThrow(InvalidAddressError);
    expect(() => normalizeAddress('whatsapp', 'hello there')).toThrow(InvalidAddressError);
  });
});

describe('placeholder names', () => {
  it('uses the number or address for phone and email, and a readable label for opaque ids', async () => {
    const { placeholderName } = await import('#server/domain/identity');
    expect(placeholderName('sms', '+48512345678')).toBe('+48512345678');
    expect(placeholderName('email', 'a@b.co')).toBe('a@b.co');
    expect(placeholderName('line', 'Uabc0060000000000000000000007')).toBe('LINE user …000007');
    expect(placeholderName('webchat', 'v_8f3a9c2d11')).toBe('Web visitor …9c2d11');
  });
});
