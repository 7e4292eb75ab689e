import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Persona } from './personas';
import type { Stats } from './stats';

/**
 * Email both ways: customers send real mail to Braid's SMTP listener (threading their follow-ups
 * under Braid's last reply), and a local SMTP server stands in for the outbound relay (SMTP_URL),
 * recording each reply Braid sends.
 */
export class EmailSide {
  /** Message-ID chain per customer address, so follow-ups thread like a real mail client's. */
  private readonly chains = new Map<string, { last: string; refs: string[]; subject: string }>();
  private sink: SMTPServer | null = null;

  constructor(
    private readonly smtpHost: string,
    private readonly smtpPort: number,
    private readonly supportAddress: string,
    private readonly stats: Stats,
  ) {}

  /** Start the SMTP server that receives Braid's replies. */
  async startSink(port: number): Promise<void> {
    this.sink = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      closeTimeout: 500,
      onData: (stream, _session, cb) => {
        simpleParser(stream)
          .then((mail) => {
            const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address?.toLowerCase();
            const threaded = Boolean(mail.inReplyTo);
            this.stats.add(`replies email:${threaded ? 'threaded' : 'unthreaded'}`);
            if (to && mail.messageId) {
              const chain = this.chains.get(to);
              const refs = [...(chain?.refs ?? []), mail.messageId].slice(-10);
              this.chains.set(to, { last: mail.messageId, refs, subject: mail.subject ?? chain?.subject ?? 'Support' });
            }
            cb();
          })
          .catch(() => cb());
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.sink?.server.once('error', reject);
      this.sink?.listen(port, '127.0.0.1', () => resolve());
    });
  }

  /** A customer writes (or follows up) by email; resolves with Braid's SMTP answer code or 0. */
  async send(p: Persona, text: string, n: number, duplicate: boolean): Promise<number> {
    const chain = this.chains.get(p.email);
    const messageId = `<sim-${n}-${Date.now()}@${p.email.split('@')[1]}>`;
    const mail = {
      from: { name: p.name, address: p.email },
      to: this.supportAddress,
      subject: chain ? `Re: ${chain.subject.replace(/^re:\s*/i, '')}` : text.slice(0, 40),
      text: `${text}\n\n-- \n${p.name}`,
      messageId,
      ...(chain ? { inReplyTo: chain.last, references: chain.refs } : {}),
    };
    const transport = nodemailer.createTransport({
      host: this.smtpHost,
      port: this.smtpPort,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 5_000,
    });
    try {
      const info = await transport.sendMail(mail);
      if (duplicate) await transport.sendMail(mail); // a relay delivering the same message twice
      this.chains.set(p.email, {
        last: messageId,
        refs: [...(chain?.refs ?? []), messageId].slice(-10),
        subject: mail.subject,
      });
      return Number.parseInt(String(info.response), 10) || 250;
    } catch (err) {
      return (err as { responseCode?: number }).responseCode ?? 0;
    } finally {
      transport.close();
    }
  }

  /** Stop the reply sink. */
  close(): Promise<void> {
    return new Promise((resolve) => (this.sink ? this.sink.close(() => resolve()) : resolve()));
  }
}
