import { baseUrlSetting, optionalSetting } from '#server/settingFields';

/** Telegram's settings: the bot token (replies) and the webhook secret token (inbound). */
export const telegramSettings = {
  TELEGRAM_BOT_TOKEN: optionalSetting,
  TELEGRAM_SECRET_TOKEN: optionalSetting,
  TELEGRAM_API_BASE: baseUrlSetting('https://api.telegram.org'),
};
