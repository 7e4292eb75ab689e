import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { NormalizedInbound } from '#server/domain/inbound';
import type { ChannelHost } from '#server/channels/types';
import { ingestInbound } from '#server/services/ingest';
import { supportAddresses } from './settings';
import { parseInboundEmail } from './parse';
import { InvalidAddressError } from '#server/errors';

/** Largest message the listener accepts (attachments are kept as metadata only). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** A running SMTP listener. */
export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function hostnameOf(publicUrl: string | undefined): string {
  try {
    return publicUrl ? new URL(publicUrl).hostname : 'braid.local';
  } catch {
    return 'braid.local';
  }
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Parse a message for us. The envelope already proved it is for a support mailbox, so when no
 * support address is in To/Cc (Bcc, forwarding rules) the visible recipients are accepted too.
 */
async function parseForSupport(raw: Buffer, support: string[]): Promise<NormalizedInbound | null> {
  const direct = await parseInboundEmail(raw, support);
  if (direct) return direct;
  const mail = await simpleParser(raw).catch(() => null);
  if (!mail) return null;
  const visible = [mail.to, mail.cc]
    .flatMap((f) => (Array.isArray(f) ? f : f ? [f] : []))
    .flatMap((o) => o.value.map((a) => a.address ?? ''))
    .filter(Boolean);
  return parseInboundEmail(raw, [...support, ...visible]);
}

/**
 * The inbound email channel: a real SMTP server (smtp-server) that accepts mail only for
 * SUPPORT_ADDRESSES (others are refused at RCPT TO), parses it (mailparser + sanitize-html),
 * stores it through the ingest and only then answers 250 — a failure is a 4xx so the sender retries.
 */
export async function startSmtpListener(ctx: ChannelHost): Promise<SmtpListener> {
  const support = supportAddresses(ctx.config);
  const server = new SMTPServer({
    name: hostnameOf(ctx.config.PUBLIC_URL),
    banner: 'Braid support inbox',
    size: MAX_EMAIL_BYTES,
    authOptional: true,
    disabledCommands: ['AUTH'],
    hideSTARTTLS: true,
    logger: false,
    maxClients: 100,
    closeTimeout: 2_000,
    onRcptTo(address, _session, cb) {
      if (support.includes(address.address.trim().toLowerCase())) return cb();
      cb(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData(stream: SMTPServerDataStream, _session: SMTPServerSession, cb) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return cb(smtpError(552, `5.3.4 message larger than ${MAX_EMAIL_BYTES} bytes`));
          const message = await parseForSupport(raw, support);
          if (!message) return cb(smtpError(550, '5.6.0 message has no usable From address'));
          ingestInbound(ctx.deps, message, ctx.ingestHooks);
          cb();
        })
        .catch((err: unknown) => {
          if (err instanceof InvalidAddressError) return cb(smtpError(550, `5.1.7 ${err.message}`));
          console.error('[smtp] could not store a message:', err);
          cb(smtpError(451, '4.3.0 temporary failure storing the message, try again later'));
        });
    },
  });
  server.on('error', (err) => console.error('[smtp] listener error:', err.message));
  const port = await new Promise<number>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(ctx.config.SMTP_PORT, ctx.config.SMTP_HOST, () => {
      server.server.off('error', onError);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
