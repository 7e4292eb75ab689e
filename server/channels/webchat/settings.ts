import { optionalSetting } from '#server/settingFields';

/** Web chat's settings: the secret that signs visitor tokens (generated and stored when absent). */
export const webchatSettings = {
  WIDGET_SECRET: optionalSetting,
};
