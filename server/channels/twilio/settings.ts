import { baseUrlSetting, optionalSetting } from '#server/settingFields';

/**
 * Twilio's settings, shared by SMS, WhatsApp (via Twilio) and voicemail: account and token sign
 * and send; the sender numbers. Webhooks also need PUBLIC_URL, the address Twilio signs.
 */
export const twilioSettings = {
  TWILIO_ACCOUNT_SID: optionalSetting,
  TWILIO_AUTH_TOKEN: optionalSetting,
  TWILIO_FROM_NUMBER: optionalSetting,
  TWILIO_WHATSAPP_FROM: optionalSetting,
  TWILIO_API_BASE: baseUrlSetting('https://api.twilio.com'),
};
