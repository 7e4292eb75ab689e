import { baseUrlSetting, optionalSetting } from '#server/settingFields';

/** LINE's settings: the channel secret (verifies webhooks) and the access token (push replies). */
export const lineSettings = {
  LINE_CHANNEL_SECRET: optionalSetting,
  LINE_CHANNEL_ACCESS_TOKEN: optionalSetting,
  LINE_API_BASE: baseUrlSetting('https://api.line.me'),
};
