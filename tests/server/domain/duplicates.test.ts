import { describe, expect, it } from 'vitest';
import {
  emailVariantKey,
  findDuplicates,
  nameKey,
  scoreDuplicate,
  type DuplicateCandidate,
  type DuplicateIdentity,
} from '#server/domain/duplicates';
import { customerHint, identityHint, maskPhone } from '#shared/identityLabel';

const sms = (phone: string): DuplicateIdentity => ({ channel: 'sms', phone, email: null });
const mail = (email: string): DuplicateIdentity => ({ channel: 'email', phone: null, email });
const line = (): DuplicateIdentity => ({ channel: 'line', phone: null, email: null });
const c = (id: number, name: string, ...identities: DuplicateIdentity[]): DuplicateCandidate => ({
  id,
  name,
  identities,
});

describe('nameKey', () => {
  it('ignores case, Latin diacritics (ł, á), whitespace and word order in Latin names', () => {
    expect(nameKey('Piotr Nowak')).toBe(nameKey('  piotr   NOWÁK '));
    expect(nameKey('Paweł Lewandowski')).toBe(nameKey('Pawel Lewandowski'));
    expect(nameKey('Nowak Piotr')).toBe(nameKey('Piotr Nowak'));
    expect(nameKey('Anna Kowalska')).not.toBe(nameKey('Anna Kowalski'));
  });

  it('compares Chinese and Thai names exactly (no mark stripping: Thai vowels are marks)', () => {
    expect(nameKey('王芳')).toBe(nameKey('王 芳'));
    expect(nameKey('王芳')).not.toBe(nameKey('王方'));
    expect(nameKey('สมชาย ใจดี')).toBe(nameKey(' สมชาย  ใจดี'));
    expect(nameKey('สมชาย ใจดี')).not.toBe(nameKey('สมชาย ใจด'));
    expect(nameKey('มานี')).not.toBe(nameKey('มาน'));
  });
});

describe('scoreDuplicate', () => {
  it('pl: same name and the same phone however it was written is a strong duplicate', () => {
    const m = scoreDuplicate(c(1, 'Piotr Nowak', sms('+48512345678')), c(2, 'piotr nowák', sms('512 345 678')));
    // The second number has no country: it is read in the first one's (Poland).
    expect(m).toMatchObject({ strength: 'strong', reasons: [{ kind: 'phone', value: '+48512345678' }] });
  });

  it('zh: same name and the same email is strong; same name and a LINE account only is not suggested', () => {
    expect(
      scoreDuplicate(c(1, '王芳', mail('wangfang@example.cn')), c(2, '王芳', mail('WangFang@example.cn'))),
    ).toMatchObject({ strength: 'strong', reasons: [{ kind: 'email' }] });
    // The trap: four 王芳 in one workspace, nothing but the name in common.
    expect(scoreDuplicate(c(1, '王芳', line()), c(2, '王芳', line()))).toBeNull();
    expect(scoreDuplicate(c(1, '王芳', sms('+8613812345678')), c(2, '王芳', sms('+8613987654321')))).toBeNull();
  });

  it('en: Gmail dots and +tags are the same mailbox (email variant)', () => {
    expect(emailVariantKey('John.Smith+shop@googlemail.com')).toBe('johnsmith@gmail.com');
    const m = scoreDuplicate(
      c(1, 'John Smith', mail('john.smith@gmail.com')),
      c(2, 'John Smith', mail('johnsmith+x@gmail.com')),
    );
    expect(m).toMatchObject({ strength: 'strong', reasons: [{ kind: 'email_variant', value: 'johnsmith@gmail.com' }] });
    // Dots matter outside Gmail: a different mailbox, nothing else shared.
    expect(
      scoreDuplicate(c(1, 'John Smith', mail('john.smith@corp.com')), c(2, 'John Smith', mail('johnsmith@corp.com'))),
    ).toBeNull();
  });

  it('th: same last four digits in the same country is only possible; another country is nothing', () => {
    const m = scoreDuplicate(c(1, 'สมชาย ใจดี', sms('+66812345678')), c(2, 'สมชาย ใจดี', sms('+66891115678')));
    expect(m).toMatchObject({ strength: 'possible', reasons: [{ kind: 'phone_last4', value: '5678' }] });
    expect(m!.score).toBeLessThan(0.8);
    expect(scoreDuplicate(c(1, 'สมชาย ใจดี', sms('+66812345678')), c(2, 'สมชาย ใจดี', sms('+48512345678')))).toBeNull();
  });

  it('never pairs different names, even with the same phone (that is the link-suggestion flow)', () => {
    expect(
      scoreDuplicate(c(1, 'Piotr Nowak', sms('+48512345678')), c(2, 'Anna Nowak', sms('+48512345678'))),
    ).toBeNull();
  });

  it('same handle on the same channel counts; several reasons add up', () => {
    const tg = (handle: string): DuplicateIdentity => ({ channel: 'telegram', phone: null, email: null, handle });
    expect(scoreDuplicate(c(1, 'Ola', tg('@ola_k')), c(2, 'ola', tg('Ola_K')))).toMatchObject({ strength: 'possible' });
    const both = scoreDuplicate(
      c(1, 'Ola', tg('ola_k'), sms('+48600100200')),
      c(2, 'Ola', tg('ola_k'), sms('+48601110200')),
    );
    expect(both!.reasons.map((r) => r.kind).sort()).toEqual(['handle', 'phone_last4']);
    expect(both!.strength).toBe('strong');
  });

  it('findDuplicates lists only real suggestions, best first', () => {
    const me = c(1, 'Piotr Nowak', sms('+48512345678'), mail('piotr@example.pl'));
    const out = findDuplicates(me, [
      c(2, 'Piotr Nowak', line()),
      c(3, 'Piotr Nowak', sms('+48600005678')),
      c(4, 'Piotr Nowak', mail('piotr@example.pl')),
    ]);
    expect(out.map((x) => x.id)).toEqual([4, 3]);
  });
});

describe('identity hints', () => {
  it('masks phones, keeps emails, never shows an opaque provider id', () => {
    expect(maskPhone('+48512345123')).toBe('+48 ••• ••• 123');
    expect(identityHint({ channel: 'whatsapp', address: '+48512345123' })).toMatchObject({
      kind: 'phone',
      text: '+48 ••• ••• 123',
    });
    expect(identityHint({ channel: 'webchat', address: 'demo-visitor-38', createdAt: 5 })).toEqual({
      kind: 'visitor',
      channel: 'webchat',
      text: null,
      since: 5,
    });
    expect(identityHint({ channel: 'api', address: '2:xss-1' }).text).toBeNull();
    expect(identityHint({ channel: 'messenger', address: '24036583542', meta: {} })).toMatchObject({ kind: 'user' });
    expect(identityHint({ channel: 'telegram', address: '777', meta: { username: 'piotr_n' } }).text).toBe('@piotr_n');
  });

  it('a customer is told apart by their verified phone before an email before a channel user', () => {
    const hint = customerHint([
      { channel: 'line', address: 'U1234' },
      { channel: 'email', address: 'wang@example.cn', verified: false },
      { channel: 'email', address: 'fang@example.cn' },
      { channel: 'sms', address: '+8613812345678' },
    ]);
    expect(hint).toMatchObject({ kind: 'phone', text: '+86 ••• •••• •678' });
    expect(customerHint([])).toBeNull();
  });
});
