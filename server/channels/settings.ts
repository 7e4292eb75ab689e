import { emailSettings } from './email/settings';
import { lineSettings } from './line/settings';
import { metaSettings } from './meta/settings';
import { telegramSettings } from './telegram/settings';
import { twilioSettings } from './twilio/settings';
import { webchatSettings } from './webchat/settings';

/**
 * Every channel's settings (environment variables), each declared in its own folder and merged
 * into the one config schema. Kept apart from the registry so config.ts loads no channel code.
 */
export const CHANNEL_SETTINGS = {
  ...twilioSettings,
  ...metaSettings,
  ...telegramSettings,
  ...lineSettings,
  ...emailSettings,
  ...webchatSettings,
};
