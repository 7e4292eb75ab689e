import { jsonObjectOf, requireHeader, rootPost } from '#server/channels/kit/webhookKit';
import type { ChannelAdapter, Webhook } from '#server/channels/types';
import { parseTelegramUpdate, TELEGRAM_REPLY_FACTS, verifyTelegramSecret } from './parse';
import { sendTelegram } from './send';

/** Telegram Bot API webhook: one Update per POST, authenticated by the secret token header. */
export const telegramWebhook: Webhook = {
  name: 'telegram',
  label: 'Telegram',
  routes: [
    rootPost({
      // Inbound needs the webhook secret token as well as the bot.
      enabled: (c) => Boolean(c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_SECRET_TOKEN),
      verify: requireHeader(
        'x-telegram-bot-api-secret-token',
        'X-Telegram-Bot-Api-Secret-Token',
        (value, _req, c) => verifyTelegramSecret(c.TELEGRAM_SECRET_TOKEN ?? '', value),
        true,
      ),
      handle: (req) => ({
        parsed: parseTelegramUpdate(jsonObjectOf(req.raw, 'Telegram Update')),
        answer: { status: 200, body: { ok: true } },
      }),
    }),
  ],
};

/** Telegram: Bot API webhook in, sendMessage out, to the chat the customer wrote from. */
export const telegramAdapter: ChannelAdapter<typeof TELEGRAM_REPLY_FACTS> = {
  kind: 'telegram',
  enabled: (ctx) => Boolean(ctx.config.TELEGRAM_BOT_TOKEN),
  send: sendTelegram,
  replyFacts: TELEGRAM_REPLY_FACTS,
  webhooks: [telegramWebhook],
};
