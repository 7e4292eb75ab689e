import { baseUrlSetting, optionalSetting } from '#server/settingFields';

/**
 * Meta's settings, shared by WhatsApp (Cloud API), Messenger and Instagram: the app secret signs
 * webhooks, the verify token answers the subscription handshake, the access token sends.
 */
export const metaSettings = {
  META_APP_SECRET: optionalSetting,
  META_VERIFY_TOKEN: optionalSetting,
  META_ACCESS_TOKEN: optionalSetting,
  META_PHONE_NUMBER_ID: optionalSetting,
  META_GRAPH_BASE: baseUrlSetting('https://graph.facebook.com'),
};
