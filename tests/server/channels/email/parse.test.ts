import { describe, expect, it } from 'vitest';
import { parseInboundEmail } from '#server/channels/email/parse';
import { buildReplyEmail, replySubject } from '#server/channels/email/reply';
import { stripQuotedReply } from '#server/channels/email/quote';
import { fixtureBytes, prng, randomString } from '#tests/server/channels/providerFixtures';

const SUPPORT = ['support@braid.example'];

describe('parseInboundEmail', () => {
  it('parses a multipart/alternative mail with an encoded-word Thai subject and an attachment', async () => {
    const m = await parseInboundEmail(fixtureBytes('email-multipart.eml'), ['Support@braid.example ']);
    expect(m).not.toBeNull();
    if (!m) return;
    expect(m.channel).toBe('email');
    expect(m.transport).toBe('smtp');
    expect(m.providerMessageId).toBe('<CAF=reply-1@mail.example.pl>');
    expect(m.from).toEqual({ address: 'lucja@example.pl', displayName: 'Łucja Nowak', email: 'lucja@example.pl' });
    expect(m.subject).toBe('คำสั่งซื้อ #1234 ยังไม่ได้รับ 📦');
    expect(m.providerTs).toBe(Date.UTC(2025, 5, 2, 12, 0, 0));
    expect(m.attachments).toEqual([
      { kind: 'file', mimeType: 'application/pdf', name: 'ใบเสร็จ.pdf', size: 45, providerMediaId: undefined },
    ]);
    expect(m.meta).toMatchObject({
      messageId: '<CAF=reply-1@mail.example.pl>',
      inReplyTo: '<outbound-1@braid.example>',
      references: ['<original-0@mail.example.pl>', '<outbound-1@braid.example>'],
      to: ['support@braid.example'],
      cc: ['colleague@example.pl'],
    });
  });

  it('keeps the reply text byte-exact and moves the quoted history to meta.fullText', async () => {
    const m = await parseInboundEmail(fixtureBytes('email-multipart.eml'), SUPPORT);
    const expected = 'สวัสดีค่ะ ยังไม่ได้รับสินค้า\n你好，我的订单还没到。\nZażółć gęślą jaźń 👍🏽';
    expect(m?.text).toBe(expected);
    expect(Buffer.from(m?.text ?? '').equals(Buffer.from(expected))).toBe(true);
    expect(m?.meta?.fullText).toContain('> Your order has shipped.');
  });

  it('sanitises the HTML: no scripts, styles, handlers, iframes, forms or unsafe URLs', async () => {
    const html = (await parseInboundEmail(fixtureBytes('email-multipart.eml'), SUPPORT))?.html ?? '';
    expect(html).toContain('<b>ยังไม่ได้รับ</b>');
    expect(html).toContain('你好 Zażółć 👍🏽');
    expect(html).toMatch(/<a [^>]*href="https:\/\/shop\.example\.com\/orders\/1234"[^>]*>order<\/a>/);
    expect(html).toMatch(/<a [^>]*rel="noopener noreferrer nofollow"[^>]*>order<\/a>/);
    expect(html).toContain('href="mailto:help@braid.example"');
    expect(html).toMatch(/<a [^>]*>click<\/a>/);
    expect(html).toMatch(/<img [^>]*src="https:\/\/cdn\.example\.com\/logo\.png"[^>]*\/>/);
    expect(html).toContain('<img src="cid:logo@braid" />');
    expect(html).not.toMatch(/<img[^>]*src="x"/);
    for (const banned of [
      '<script',
      'alert',
      'onerror',
      'onclick',
      'onmouseover',
      '<iframe',
      '<form',
      '<input',
      '<style',
      'style=',
      'javascript:',
      'data:image',
      'http://insecure',
      'secret title',
      '<svg',
    ]) {
      expect(html.toLowerCase()).not.toContain(banned);
    }
  });

  it('returns null when no To/Cc recipient is a support address', async () => {
    expect(await parseInboundEmail(fixtureBytes('email-multipart.eml'), ['sales@braid.example'])).toBeNull();
  });

  it('derives text from HTML-only mail and hashes the raw message when Message-ID is missing', async () => {
    const raw = [
      'From: "王小明" <Wang@Example.CN>',
      'To: support@braid.example',
      'Subject: =?UTF-8?B?6K6i5Y2V6Zeu6aKY?=',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>你好，<b>订单</b>还没到</p><p>Zażółć &amp; 👍</p><script>x()</script>',
    ].join('\r\n');
    const m = await parseInboundEmail(raw, SUPPORT);
    expect(m?.providerMessageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(m?.from).toMatchObject({ address: 'wang@example.cn', displayName: '王小明' });
    expect(m?.subject).toBe('订单问题');
    expect(m?.text).toContain('你好，订单还没到');
    expect(m?.text).toContain('Zażółć & 👍');
    expect(m?.text).not.toContain('x()');
    expect(m?.providerTs).toBeNull();
  });

  it('never rejects on garbage input (200 seeded random messages)', async () => {
    const rng = prng(0xe3a1);
    for (let i = 0; i < 200; i++) {
      const headers =
        rng() < 0.5
          ? `To: support@braid.example\r\nFrom: ${randomString(rng)}\r\nSubject: ${randomString(rng)}\r\n`
          : '';
      const raw = headers + randomString(rng) + '\r\n\r\n' + randomString(rng);
      const input = rng() < 0.5 ? raw : Buffer.from(raw, 'utf8');
      const m = await parseInboundEmail(input, SUPPORT);
      if (m) expect(typeof m.providerMessageId).toBe('string');
    }
  });
});

describe('stripQuotedReply', () => {
  it.each([
    ['Dziękuję!\n\nW dniu pon., 2 cze 2025 o 10:00 Braid <support@braid.example> napisał(a):\n> stara wiadomość'],
    ['Dziękuję!\n\nW dniu 2.06.2025 o 10:00, Braid pisze:\n> stara wiadomość'],
    ['Dziękuję!\n\n-----Original Message-----\nFrom: Braid\nSent: Monday'],
    [
      'Dziękuję!\n\n________________________________\nFrom: Braid Support <support@braid.example>\nSent: Monday, June 2, 2025 10:00 AM',
    ],
    ['Dziękuję!\n\nเมื่อ จ. 2 มิ.ย. 2025 10:00 Braid <support@braid.example> เขียนว่า:\n> เก่า'],
    ['Dziękuję!\n\n在 2025年6月2日周一 10:00，Braid <support@braid.example> 写道：\n> 旧'],
    ['Dziękuję!\n\nOn Mon, 2 Jun 2025 at 10:00, Braid Support <support@braid.example>\nwrote:\n> old'],
    ['Dziękuję!\n\n> old line\n> another'],
  ])('strips %#', (body) => {
    expect(stripQuotedReply(body)).toEqual({ text: 'Dziękuję!', stripped: true });
  });

  it('leaves mail without a quote, or that is only a quote, untouched', () => {
    expect(stripQuotedReply('Hello\n> inline quote\nmy answer')).toEqual({
      text: 'Hello\n> inline quote\nmy answer',
      stripped: false,
    });
    expect(stripQuotedReply('On Mon, Jan 1 someone wrote:\n> x')).toEqual({
      text: 'On Mon, Jan 1 someone wrote:\n> x',
      stripped: false,
    });
  });
});

describe('buildReplyEmail', () => {
  it('threads correctly: fresh Message-ID, In-Reply-To = parent, References = parent chain + parent', () => {
    const mail = buildReplyEmail({
      from: 'Braid Support <support@braid.example>',
      to: 'lucja@example.pl',
      subject: 'คำสั่งซื้อ #1234',
      text: 'ส่งแล้วค่ะ',
      inReplyTo: '<CAF=reply-1@mail.example.pl>',
      references: ['<original-0@mail.example.pl>', '<outbound-1@braid.example>'],
      messageIdDomain: 'braid.example',
    });
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@braid\.example>$/);
    expect(mail.subject).toBe('Re: คำสั่งซื้อ #1234');
    expect(mail.inReplyTo).toBe('<CAF=reply-1@mail.example.pl>');
    expect(mail.references).toEqual([
      '<original-0@mail.example.pl>',
      '<outbound-1@braid.example>',
      '<CAF=reply-1@mail.example.pl>',
    ]);
    expect(mail.text).toBe('ส่งแล้วค่ะ');
    const again = buildReplyEmail({
      from: 'a@b',
      to: 'c@d',
      subject: 'x',
      text: 'y',
      messageIdDomain: 'braid.example',
    });
    expect(again.messageId).not.toBe(mail.messageId);
    expect(again.inReplyTo).toBeUndefined();
    expect(again.references).toBeUndefined();
  });

  it('normalises ids, avoids duplicates and does not double the Re: prefix', () => {
    const mail = buildReplyEmail({
      from: 'a@b',
      to: 'c@d',
      subject: 'RE: Zamówienie',
      text: 'ok',
      messageIdDomain: 'braid.example',
      inReplyTo: 'p@x',
      references: '<r@x> p@x <r@x>',
    });
    expect(mail.subject).toBe('RE: Zamówienie');
    expect(mail.references).toEqual(['<r@x>', '<p@x>']);
    expect(replySubject('Re: Re: a')).toBe('Re: Re: a');
    expect(replySubject('Aw: Frage')).toBe('Aw: Frage');
    expect(replySubject('Odp: Pytanie')).toBe('Odp: Pytanie');
    expect(replySubject('Order')).toBe('Re: Order');
  });
});
