import nodemailer from 'nodemailer';
import { NO_REPLY_FACTS } from '#server/channels/kit/replyFacts';
import type { ChannelAdapter, ChannelListener } from '#server/channels/types';
import { defaultSender, sendEmail } from './send';
import { supportAddresses } from './settings';
import { startSmtpListener } from './smtpListener';
import { errorMessage } from '#server/errors';

/**
 * Start email's two long-running parts when configured: the outbound transport (SMTP_URL) and the
 * inbound SMTP listener (SUPPORT_ADDRESSES). A listener that cannot bind is logged and skipped,
 * so the inbox itself still starts.
 */
const listenForEmail: ChannelListener = async (host) => {
  const closers: Array<() => Promise<void> | void> = [];
  const { config, channelCtx } = host;
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    channelCtx.sendMail = async (mail) => {
      const info = (await transport.sendMail(mail)) as { messageId: string };
      return { messageId: info.messageId };
    };
    closers.push(() => {
      channelCtx.sendMail = undefined;
      transport.close();
    });
  }
  const support = supportAddresses(config);
  if (support.length > 0) {
    try {
      const smtp = await startSmtpListener(host);
      closers.push(() => smtp.close());
      console.log(`[channels] SMTP listener on ${config.SMTP_HOST}:${smtp.port} for ${support.join(', ')}`);
    } catch (err) {
      console.error(`[channels] SMTP listener could not start on port ${config.SMTP_PORT}: ${errorMessage(err)}`);
    }
  }
  return async () => {
    for (const close of closers.reverse()) await close();
  };
};

/** Email: a real SMTP listener in, threaded replies out through SMTP_URL (headers come from the messages). */
export const emailAdapter: ChannelAdapter = {
  kind: 'email',
  enabled: (ctx) => Boolean(ctx.sendMail && defaultSender(ctx)),
  send: sendEmail,
  replyFacts: NO_REPLY_FACTS,
  listen: listenForEmail,
};
