import type { Server } from 'node:http';
import nodemailer from 'nodemailer';
import { CHANNEL_KINDS } from '#shared/channels';
import type { AppContext } from '#server/http/context';
import { supportAddresses } from '#server/channels/email';
import { startSmtpListener, type SmtpListener } from '#server/channels/email/smtpListener';
import { registerWidgetNamespace } from '#server/channels/webchat/socket';

/** Long-running channel listeners (SMTP server, widget namespace) started with the app. */
export interface ChannelServices {
  /** Port of the inbound SMTP listener, when it runs. */
  smtpPort: number | null;
  close(): Promise<void>;
}

/**
 * Start the channel listeners whose settings are present: the '/widget' namespace (always), the
 * outbound SMTP transport (SMTP_URL) and the inbound SMTP listener (SUPPORT_ADDRESSES). A listener
 * that cannot bind is logged and skipped, so the inbox itself still starts.
 */
export async function startChannelServices(ctx: AppContext, _server: Server): Promise<ChannelServices> {
  const closers: Array<() => Promise<void> | void> = [];
  const widget = registerWidgetNamespace(ctx);
  ctx.channelCtx.widgetDeliver = widget.deliver;
  closers.push(() => {
    ctx.channelCtx.widgetDeliver = undefined;
    widget.close();
  });

  if (ctx.config.SMTP_URL) {
    const transport = nodemailer.createTransport(ctx.config.SMTP_URL);
    ctx.channelCtx.sendMail = async (mail) => {
      const info = (await transport.sendMail(mail)) as { messageId: string };
      return { messageId: info.messageId };
    };
    closers.push(() => {
      ctx.channelCtx.sendMail = undefined;
      transport.close();
    });
  }

  let smtp: SmtpListener | null = null;
  if (supportAddresses(ctx).length > 0) {
    try {
      smtp = await startSmtpListener(ctx);
      closers.push(() => smtp?.close());
      console.log(
        `[channels] SMTP listener on ${ctx.config.SMTP_HOST}:${smtp.port} for ${supportAddresses(ctx).join(', ')}`,
      );
    } catch (err) {
      console.error(
        `[channels] SMTP listener could not start on port ${ctx.config.SMTP_PORT}: ${(err as Error).message}`,
      );
    }
  }
  logChannels(ctx);
  return {
    smtpPort: smtp?.port ?? null,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

/** One line at boot saying which channels can send, so a misconfiguration is visible at once. */
function logChannels(ctx: AppContext): void {
  const on = CHANNEL_KINDS.filter((k) => ctx.registry[k].enabled(ctx.channelCtx));
  const off = CHANNEL_KINDS.filter((k) => !on.includes(k));
  console.log(
    `[channels] replies enabled: ${on.join(', ') || 'none'}${off.length ? `; not configured: ${off.join(', ')}` : ''}`,
  );
}
