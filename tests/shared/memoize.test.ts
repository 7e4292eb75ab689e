import { describe, expect, it } from 'vitest';
import { memoize } from '#shared/memoize';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { maskPhone, rememberPhoneMask } from '#shared/identityLabel';
import { normalizePhone } from '#server/domain/address';

describe('memoize', () => {
  it('computes each argument once, null results included, and forgets everything once full', () => {
    const calls: string[] = [];
    const f = memoize((s: string) => {
      calls.push(s);
      return s.length > 1 ? s.toUpperCase() : null;
    }, 2);
    expect([f('ab'), f('ab'), f('x'), f('x')]).toEqual(['AB', 'AB', null, null]);
    expect(calls).toEqual(['ab', 'x']);
    f('cd'); // a third argument: the memory starts again
    f('ab');
    expect(calls).toEqual(['ab', 'x', 'cd', 'ab']);
  });

  it('keeps the memoised phone helpers answering as before', () => {
    for (let i = 0; i < 2; i++) {
      expect(normalizePhone('whatsapp:+48 512 345 678')).toBe('+48512345678');
      expect(normalizePhone('not a number')).toBeNull();
      expect(maskPhone('+48512345678')).toBe('+48 ••• ••• 678');
      expect(maskPhone('nope')).toBeNull();
    }
  });

  it('gives a number normalised from a sender the mask parsing it for the hint gives (one parse, remembered)', () => {
    // Masks as maskPhone computed them before normalisation remembered them (each parsed for the hint alone).
    const expected = [
      ['66810900123', '+66 •• ••• •123'],
      ['8613800900042', '+86 ••• •••• •042'],
      ['+447700900317', '+44 •••• •••317'],
      ['4851900777', '+48 •••••777'],
      ['15551234567', '+1 ••• ••• •567'],
      ['+33612345678', '+33 • •• •• •6 78'],
    ];
    for (const [raw, mask] of expected) {
      const e164 = normalizePhone(raw)!;
      expect(maskPhone(e164)).toBe(mask);
      rememberPhoneMask(parsePhoneNumberFromString(e164)!); // already known: nothing changes
      expect(maskPhone(e164)).toBe(mask);
    }
  });
});
