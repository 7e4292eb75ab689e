import { buildTelegramSend, parseTelegramSendResponse } from './parse';
import { refuseSend, replyFact, outboundText } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelAdapter } from '#server/channels/types';

/** Telegram through the Bot API's sendMessage, to the chat the customer wrote from. */
export const telegramAdapter: ChannelAdapter = {
  kind: 'telegram',
  enabled: (ctx) => Boolean(ctx.config.TELEGRAM_BOT_TOKEN),
  async send(job, ctx) {
    const token = ctx.config.TELEGRAM_BOT_TOKEN;
    if (!token) return refuseSend('Telegram is not configured (TELEGRAM_BOT_TOKEN)');
    // Private chats share the user's id; groups do not, so the chat id from the webhook wins.
    const chatId = replyFact(job, 'chatId') ?? job.identity.address;
    const req = buildTelegramSend(
      { apiBase: ctx.config.TELEGRAM_API_BASE, botToken: token },
      { chatId, text: outboundText(job) },
    );
    return sendProviderRequest(ctx, req, parseTelegramSendResponse);
  },
};
