import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { TeamSettings } from '#shared/schemas/teamSettings';
import { Check, CheckboxGroup, Field, SelectField } from '#client/features/settings/FormParts';
import { optionsOf } from '#client/components/Select';
import { useFormat } from '#client/i18n/format';

/** Languages Braid writes automatic customer messages in. */
const TEXT_LANGS: ReadonlyArray<TeamSettings['defaultLanguage']> = ['en', 'th', 'pl', 'zh'];

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
  const ack = value.acknowledgement;
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="group">
      <legend>{t('admin.teamSettings.title')}</legend>
      <Check
        label={t('admin.teamSettings.ack')}
        checked={ack.enabled}
        onChange={(enabled) => set({ acknowledgement: { ...ack, enabled } })}
      />
      {ack.enabled && (
        <CheckboxGroup<ChannelKind>
          legend={t('admin.teamSettings.ackChannels')}
          hint={t('admin.teamSettings.ackChannelsHint')}
          options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={ack.channels}
          onChange={(channels) => set({ acknowledgement: { ...ack, channels } })}
        />
      )}
      <Check
        label={t('admin.teamSettings.confirmColleague')}
        hint={t('admin.teamSettings.confirmColleagueHint')}
        checked={value.confirmColleagueThreads}
        onChange={(confirmColleagueThreads) => set({ confirmColleagueThreads })}
      />
      <Check
        label={t('admin.teamSettings.courtesy')}
        hint={t('admin.teamSettings.courtesyHint')}
        checked={value.courtesyKeepsResolved}
        onChange={(courtesyKeepsResolved) => set({ courtesyKeepsResolved })}
      />
      <div className="form-row">
        <SelectField
          label={t('admin.teamSettings.survey')}
          value={value.survey}
          options={[
            { value: 'none', label: t('admin.teamSettings.surveyNone') },
            { value: 'csat', label: t('admin.teamSettings.surveyCsat') },
            { value: 'nps', label: t('admin.teamSettings.surveyNps') },
          ]}
          onChange={(survey) => set({ survey })}
        />
        <SelectField
          label={t('admin.teamSettings.defaultLanguage')}
          hint={t('admin.teamSettings.defaultLanguageHint')}
          value={value.defaultLanguage}
          options={optionsOf(TEXT_LANGS, (code) => f.language(code))}
          onChange={(defaultLanguage) => set({ defaultLanguage })}
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
              onChange={(e) => set({ sentimentThreshold: e.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
