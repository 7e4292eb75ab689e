import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '#shared/channels';
import type { Episode } from '#shared/schemas/thread';
import { ChannelIcon, useChannelLabel } from '#client/components/ChannelIcon';
import { Icon } from '#client/components/Icon';
import { useFormat } from '#client/i18n/format';

/** "Tuesday, 3 March" between days. */
export function DayDivider({ ts }: { ts: number }) {
  const f = useFormat();
  return (
    <div className="divider day-divider">
      <span>{f.day(ts)}</span>
    </div>
  );
}

/** Where one episode was resolved and the next one began (with the survey answer, if any). */
export function EpisodeDivider({
  ended,
  started,
  startedAt,
}: {
  ended: Episode | undefined;
  started: Episode | undefined;
  startedAt: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const survey =
    ended?.surveyScore != null && ended.surveyKind
      ? t(`episode.survey.${ended.surveyKind}`, { score: ended.surveyScore })
      : null;
  return (
    <div
      className="divider episode-divider"
      role="separator"
      aria-label={t('episode.dividerLabel', { number: started?.number ?? '' })}
    >
      <span className="ep-ended">
        {ended?.resolvedAt
          ? t('episode.resolvedAt', { number: ended.number, time: f.dateTime(ended.resolvedAt) })
          : t('episode.ended', { number: ended?.number ?? '' })}
        {survey && <> · {survey}</>}
      </span>
      <span className="ep-started">
        {t('episode.reopened', { number: started?.number ?? '', time: f.dateTime(started?.openedAt ?? startedAt) })}
      </span>
    </div>
  );
}

/** The customer moved to another channel here. */
export function ChannelSwitch({ from, to }: { from: ChannelKind; to: ChannelKind }) {
  const { t } = useTranslation();
  const label = useChannelLabel();
  return (
    <div className="divider switch-divider">
      <span className="switch-label">
        <Icon name="switch" size={13} />
        <ChannelIcon channel={from} decorative />
        <span aria-hidden="true">→</span>
        <ChannelIcon channel={to} decorative />
        <span>{t('thread.switched', { from: label(from), to: label(to) })}</span>
      </span>
    </div>
  );
}
