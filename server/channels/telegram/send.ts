import type { OutboundRequest } from '#server/channels/kit/fields';
import { num, rec, str, trimBase } from '#server/channels/kit/fields';
import { outboundText, readReplyFacts, refuseSend } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, OutboundJob, SendResult } from '#server/channels/types';
import { TELEGRAM_REPLY_FACTS } from './parse';

/** Reply through the Bot API's sendMessage, to the chat the customer wrote from. */
export function sendTelegram(job: OutboundJob, ctx: ChannelContext): Promise<SendResult> {
  const token = ctx.config.TELEGRAM_BOT_TOKEN;
  if (!token) return Promise.resolve(refuseSend('Telegram is not configured (TELEGRAM_BOT_TOKEN)'));
  // Private chats share the user's id; groups do not, so the chat id from the webhook wins.
  const chatId = readReplyFacts(job, TELEGRAM_REPLY_FACTS).chatId ?? job.identity.address;
  const req = buildTelegramSend(
    { apiBase: ctx.config.TELEGRAM_API_BASE, botToken: token },
    { chatId, text: outboundText(job) },
  );
  return sendProviderRequest(ctx, req, parseTelegramSendResponse);
}

/** Builds POST {apiBase}/bot{token}/sendMessage with a JSON body. The URL holds the token: never log it. */
export function buildTelegramSend(
  cfg: { apiBase: string; botToken: string },
  msg: { chatId: string | number; text: string },
): OutboundRequest {
  return {
    url: `${trimBase(cfg.apiBase)}/bot${cfg.botToken}/sendMessage`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_id: msg.chatId, text: msg.text }),
  };
}

/**
 * Classifies a sendMessage answer: ok/result.message_id is success (id as `${chat.id}:${message_id}`,
 * matching inbound ids); 429 (with parameters.retry_after) and 5xx are retryable; other errors
 * (blocked by the user, chat not found, group migrated) are permanent.
 */
export function parseTelegramSendResponse(status: number, json: unknown): SendResult {
  const body = rec(json) ?? {};
  const result = rec(body.result);
  const messageId = str(result?.message_id);
  if (body.ok === true && messageId) {
    const chatId = str(rec(result?.chat)?.id);
    return { ok: true, providerMessageId: chatId ? `${chatId}:${messageId}` : messageId };
  }
  const code = num(body.error_code) ?? status;
  const params = rec(body.parameters);
  const description = str(body.description) ?? `HTTP ${status}`;
  const migratedTo = str(params?.migrate_to_chat_id);
  if (migratedTo)
    return { ok: false, retryable: false, error: `${code}: ${description} (chat migrated to ${migratedTo})` };
  const retryAfter = num(params?.retry_after);
  const retryable = code === 429 || status === 429 || status >= 500 || code >= 500;
  const failure: SendResult = { ok: false, retryable, error: `${code}: ${description}` };
  if (retryAfter !== undefined) failure.retryAfterMs = retryAfter * 1000;
  return failure;
}
