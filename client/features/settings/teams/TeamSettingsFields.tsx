import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { TeamSettings } from '#shared/schemas/teamSettings';
import { Check, CheckboxGroup, Field, SelectField } from '#client/features/settings/FormParts';
import { optionsOf } from '#client/components/Select';
import { useFormat } from '#client/i18n/format';
import { draftFields } from '#client/features/settings/draft';

/** Languages Braid writes automatic customer messages in. */
const TEXT_LANGS: ReadonlyArray<TeamSettings['defaultLanguage']> = ['en', 'th', 'pl', 'zh'];

/** The surveys sent on resolve, and the key of each one's name. */
const SURVEYS: ReadonlyArray<TeamSettings['survey']> = ['none', 'csat', 'nps'];
const SURVEY_NAMES: Record<TeamSettings['survey'], string> = {
  none: 'admin.teamSettings.surveyNone',
  csat: 'admin.teamSettings.surveyCsat',
  nps: 'admin.teamSettings.surveyNps',
};

/** Team settings as edited: the threshold stays text while typed. */
export type SettingsDraft = Omit<TeamSettings, 'sentimentThreshold'> & { sentimentThreshold: string };

/** The threshold as a number, or null when it is not a number from −1 to 1. */
export function thresholdOf(d: SettingsDraft): number | null {
  const n = Number(d.sentimentThreshold);
  return d.sentimentThreshold.trim() !== '' && Number.isFinite(n) && n >= -1 && n <= 1 ? n : null;
}

/** Acknowledgement, closing-courtesy, survey and mood-alert settings of a team. */
export function TeamSettingsFields({ value, onChange }: { value: SettingsDraft; onChange(v: SettingsDraft): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const draft = draftFields(value, onChange);
  const ack = draftFields(value.acknowledgement, (acknowledgement) => draft.set({ acknowledgement }));
  return (
    <fieldset className="group">
      <legend>{t('admin.teamSettings.title')}</legend>
      <Check label={t('admin.teamSettings.ack')} {...ack.field('enabled')} />
      {value.acknowledgement.enabled && (
        <CheckboxGroup<ChannelKind>
          legend={t('admin.teamSettings.ackChannels')}
          hint={t('admin.teamSettings.ackChannelsHint')}
          options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          {...ack.field('channels')}
        />
      )}
      <Check
        label={t('admin.teamSettings.confirmColleague')}
        hint={t('admin.teamSettings.confirmColleagueHint')}
        {...draft.field('confirmColleagueThreads')}
      />
      <Check
        label={t('admin.teamSettings.courtesy')}
        hint={t('admin.teamSettings.courtesyHint')}
        {...draft.field('courtesyKeepsResolved')}
      />
      <div className="form-row">
        <SelectField
          label={t('admin.teamSettings.survey')}
          options={optionsOf(SURVEYS, (s) => t(SURVEY_NAMES[s]))}
          {...draft.field('survey')}
        />
        <SelectField
          label={t('admin.teamSettings.defaultLanguage')}
          hint={t('admin.teamSettings.defaultLanguageHint')}
          options={optionsOf(TEXT_LANGS, (code) => f.language(code))}
          {...draft.field('defaultLanguage')}
        />
        <Field label={t('admin.teamSettings.threshold')} hint={t('admin.teamSettings.thresholdHint')}>
          {(a) => (
            <input
              {...a}
              type="number"
              required
              min={-1}
              max={1}
              step={0.05}
              aria-invalid={thresholdOf(value) === null || undefined}
              value={value.sentimentThreshold}
              onChange={(e) => draft.set({ sentimentThreshold: e.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
