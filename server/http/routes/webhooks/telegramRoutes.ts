import { Router } from 'express';
import { parseTelegramUpdate, verifyTelegramSecret } from '#server/channels/telegram/parse';
import type { AppContext } from '#server/http/context';
import { bodyBytes, channelGate, jsonOf, rawBody, refuse, storeParsed } from '#server/channels/kit/webhookKit';
import { HttpError } from '#server/errors';

/** True when Telegram updates can be verified (the bot's webhook secret token is configured). */
export function telegramInboundOn(ctx: AppContext): boolean {
  return Boolean(ctx.config.TELEGRAM_BOT_TOKEN && ctx.config.TELEGRAM_SECRET_TOKEN);
}

/** Telegram Bot API webhook: one Update per POST, authenticated by the secret token header. */
export function telegramRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post(
    '/',
    channelGate('Telegram', () => telegramInboundOn(ctx)),
    rawBody(ctx),
    (req, res) => {
      const header = req.get('x-telegram-bot-api-secret-token');
      if (header === undefined) return refuse(req, res, 'telegram', 401, 'missing X-Telegram-Bot-Api-Secret-Token');
      if (!verifyTelegramSecret(ctx.config.TELEGRAM_SECRET_TOKEN ?? '', header)) {
        return refuse(req, res, 'telegram', 403, 'invalid X-Telegram-Bot-Api-Secret-Token');
      }
      const json = jsonOf(bodyBytes(req));
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new HttpError(400, 'not a Telegram Update');
      storeParsed(ctx, 'telegram', parseTelegramUpdate(json));
      res.status(200).json({ ok: true });
    },
  );
  return r;
}
