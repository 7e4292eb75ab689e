import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#server/db/schema';
import { freePort, startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import {
  adminOf,
  eventually,
  listAllThreads,
  messageCount,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';

/** A real SMTP server standing in for the outbound mail relay; it records every message. */
async function recordingSmtp(refuseFirst: number) {
  const received: ParsedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (++attempts <= refuseFirst)
          return cb(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
        void simpleParser(Buffer.concat(chunks)).then((m) => {
          received.push(m);
          cb();
        });
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('email end to end: SMTP in, threaded SMTP reply out', () => {
  let app: TestApp;
  let admin: AgentClient;
  let relay: Awaited<ReturnType<typeof recordingSmtp>>;
  let smtpPort: number;
  const customer = (port: number) =>
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });

  beforeAll(async () => {
    relay = await recordingSmtp(1);
    smtpPort = await freePort();
    app = await startApp({
      SUPPORT_ADDRESSES: 'support@acme.test, help@acme.test',
      SMTP_PORT: String(smtpPort),
      SMTP_HOST: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
    });
    admin = await adminOf(app);
  });
  afterAll(async () => {
    await app.close();
    await relay.close();
  });

  it('stores a mail sent over a real SMTP connection, answering 250 only after it is stored', async () => {
    const info = await customer(smtpPort).sendMail({
      from: '"Zofia Kowalska" <Zofia.Kowalska@Example.PL>',
      to: 'support@acme.test',
      subject: 'Zamówienie 1234 — gdzie jest? สวัสดี',
      text: 'Dzień dobry, paczka nie dotarła. 你好 👍🏽',
      html: '<p>Dzień dobry, <b>paczka</b> nie dotarła.</p><script>alert(1)</script><img src=x onerror=alert(1)>',
      messageId: '<cust-1@example.pl>',
    });
    expect(info.response).toMatch(/^250/);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Zofia Kowalska')!;
    const [msg] = await threadMessages(admin, thread.id);
    expect(msg.channel).toBe('email');
    expect(msg.subject).toBe('Zamówienie 1234 — gdzie jest? สวัสดี');
    expect(msg.text.trim()).toBe('Dzień dobry, paczka nie dotarła. 你好 👍🏽');
    expect(msg.html).toContain('<b>paczka</b>');
    expect(msg.html).not.toMatch(/script|onerror/);
    const detail = (await (await admin.get(`/api/threads/${thread.id}`)).json()) as {
      customer: { identities: Array<{ address: string }> };
    };
    expect(detail.customer.identities.map((i) => i.address)).toEqual(['zofia.kowalska@example.pl']);
  });

  it('refuses recipients that are not support mailboxes at RCPT TO, and stores a redelivered mail once', async () => {
    const before = messageCount(app.db);
    await expect(
      customer(smtpPort).sendMail({ from: 'a@example.com', to: 'ceo@acme.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    const mail = {
      from: 'Zofia.Kowalska@example.pl',
      to: 'help@acme.test',
      subject: 'Re: Zamówienie 1234',
      text: 'Jeszcze raz',
      messageId: '<cust-2@example.pl>',
      inReplyTo: '<cust-1@example.pl>',
      references: ['<cust-1@example.pl>'],
    };
    await customer(smtpPort).sendMail(mail);
    await customer(smtpPort).sendMail(mail);
    expect(messageCount(app.db)).toBe(before + 1);
  });

  it('stores a multipart mail whose attachment part has a Content-Type mailparser cannot read', async () => {
    // A U+2028 inside the name parameter makes mailparser answer contentType: false for the part.
    const raw = [
      'From: Ola Nowak <ola@example.pl>',
      'To: support@acme.test',
      'Subject: plik',
      'Message-ID: <odd-part-1@example.pl>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'W załączniku plik.',
      '--b1',
      'Content-Type: text/plain; name="a\u2028b.txt"',
      'Content-Disposition: attachment',
      '',
      'hello',
      '--b1--',
      '',
    ].join('\r\n');
    const info = await customer(smtpPort).sendMail({
      envelope: { from: 'ola@example.pl', to: ['support@acme.test'] },
      raw: Buffer.from(raw, 'utf8'),
    });
    expect(info.response).toMatch(/^250/);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Ola Nowak')!;
    const [msg] = await threadMessages(admin, thread.id);
    expect(msg.text.trim()).toBe('W załączniku plik.');
    expect(msg.attachments).toEqual([
      expect.objectContaining({ kind: 'file', mimeType: 'application/octet-stream', size: 5 }),
    ]);
  });

  it('delivers the agent reply through the SMTP relay (retrying a 451), threaded under the customer’s latest mail', async () => {
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Zofia Kowalska')!;
    const res = await admin.post(`/api/threads/${thread.id}/replies`, { text: 'Paczka jest w drodze. ขอบคุณค่ะ' });
    const reply = (await res.json()) as { id: number };
    const mail = await eventually(() => relay.received[0], 10_000);
    expect(relay.attempts()).toBe(2);
    expect(mail.from?.value[0].address).toBe('help@acme.test'); // the mailbox the customer last wrote to
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('zofia.kowalska@example.pl');
    expect(mail.subject).toBe('Re: Zamówienie 1234');
    expect(mail.text?.trim()).toBe('Paczka jest w drodze. ขอบคุณค่ะ');
    expect(mail.inReplyTo).toBe('<cust-2@example.pl>');
    expect(mail.references).toEqual(['<cust-1@example.pl>', '<cust-2@example.pl>']);
    const stored = await eventually(() => {
      const row = app.db.select().from(messages).where(eq(messages.id, reply.id)).get();
      return row?.deliveryStatus === 'sent' ? row : null;
    });
    expect(stored.providerMessageId).toBe(mail.messageId);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
  });
});
