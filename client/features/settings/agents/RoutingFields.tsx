import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { Agent } from '#shared/schemas/agent';
import { CheckboxGroup, InputField } from '#client/features/settings/FormParts';
import { useFormat } from '#client/i18n/format';
import { isOneOf } from '#shared/oneOf';

/**
 * The languages Braid's detector names (server/domain/sentiment/detectLanguage.ts): the four the
 * product is written in first, then the others it recognises by script or frequent words.
 */
export const AGENT_LANGUAGES = [
  'th',
  'zh',
  'pl',
  'en',
  'vi',
  'id',
  'ja',
  'ko',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'cs',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'el',
  'hi',
] as const;

/** The routing part of an agent being edited: numbers and tiers stay text while typed. */
export interface RoutingDraft {
  capacity: string;
  asyncCapacity: string;
  languages: string[];
  channelSkills: ChannelKind[];
  tiers: string;
}

const isChannel = (s: string): s is ChannelKind => isOneOf(CHANNEL_KINDS, s);

/** An empty routing draft (a new agent: no languages, no skills, one limit for all work). */
export const BLANK_ROUTING: RoutingDraft = {
  capacity: '10',
  asyncCapacity: '',
  languages: [],
  channelSkills: [],
  tiers: '',
};

/** The routing draft of a stored agent: skills naming a channel are ticked, the others are tiers. */
export function routingDraftOf(a: Agent): RoutingDraft {
  return {
    capacity: String(a.capacity),
    asyncCapacity: a.asyncCapacity === null ? '' : String(a.asyncCapacity),
    languages: a.languages,
    channelSkills: a.skills.filter(isChannel),
    tiers: a.skills.filter((s) => !isChannel(s)).join(', '),
  };
}

/** The skills to store: ticked channels, then the typed tiers (trimmed, no empties, no repeats). */
export function skillsOf(d: RoutingDraft): string[] {
  const tiers = d.tiers
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([...d.channelSkills, ...tiers])];
}

/** The async limit to store: null when the field is empty (the live limit covers all work). */
export const asyncCapacityOf = (d: RoutingDraft): number | null =>
  d.asyncCapacity.trim() === '' ? null : Number(d.asyncCapacity);

/** True when the server would refuse the languages (more than 20). */
export const languagesInvalid = (d: RoutingDraft): boolean => d.languages.length > 20;

/** True when the skills would be refused (more than 20, or a tier over 40 characters). */
export const tiersInvalid = (d: RoutingDraft): boolean =>
  skillsOf(d).length > 20 || skillsOf(d).some((s) => s.length > 40);

/** Same list, order aside. */
export const sameSet = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** An agent's two limits (live chats; email and API), languages, and channel and tier skills, as routing uses them. */
export function RoutingFields({
  value,
  onChange,
  errors,
}: {
  value: RoutingDraft;
  onChange(v: RoutingDraft): void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const set = (patch: Partial<RoutingDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="form-row">
        <InputField
          label={t('routing.agent.liveCapacity')}
          hint={t('routing.agent.liveCapacityHint')}
          error={errors.capacity}
          className="wide"
          type="number"
          required
          min={0}
          max={500}
          step={1}
          value={value.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
        />
        <InputField
          label={t('routing.agent.asyncCapacity')}
          hint={t('routing.agent.asyncCapacityHint')}
          error={errors.asyncCapacity}
          type="number"
          min={0}
          max={500}
          step={1}
          value={value.asyncCapacity}
          onChange={(e) => set({ asyncCapacity: e.target.value })}
        />
      </div>
      <CheckboxGroup<string>
        legend={t('routing.agent.languages')}
        hint={t('routing.agent.languagesHint')}
        options={[...new Set([...AGENT_LANGUAGES, ...value.languages])].map((code) => ({
          value: code,
          label: f.language(code),
        }))}
        value={value.languages}
        onChange={(languages) => set({ languages })}
        error={errors.languages ?? (languagesInvalid(value) ? t('routing.agent.tooManyLanguages') : undefined)}
      />
      <CheckboxGroup<ChannelKind>
        legend={t('routing.agent.channelSkills')}
        hint={t('routing.agent.channelSkillsHint')}
        options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={value.channelSkills}
        onChange={(channelSkills) => set({ channelSkills })}
      />
      <InputField
        label={t('routing.agent.tiers')}
        hint={t('routing.agent.tiersHint')}
        error={errors.skills ?? (tiersInvalid(value) ? t('routing.agent.tooManyTiers') : undefined)}
        className="wide"
        maxLength={900}
        value={value.tiers}
        onChange={(e) => set({ tiers: e.target.value })}
      />
    </>
  );
}
