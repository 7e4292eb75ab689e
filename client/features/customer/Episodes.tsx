import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { Episode } from '#shared/schemas/thread';
import { useFormat } from '#client/i18n/format';
import { AppLink } from '#client/components/AppLink';
import { transcriptHref } from '#client/features/transcript/href';

function mood(score: number | null): string {
  return score === null ? '–' : (score > 0 ? '+' : '') + score.toFixed(1);
}

/** Earlier episodes, newest first: when, how it ended, how long it took, survey answer, mood. */
export function Episodes({
  episodes,
  currentEpisodeId,
  agents,
  threadId,
}: {
  episodes: Episode[];
  currentEpisodeId: number | null;
  agents: Map<number, Agent>;
  /** When given, each episode and the whole history link to a printable transcript. */
  threadId?: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = [...episodes].sort((a, b) => b.number - a.number);
  if (list.length === 0) return <p className="muted small">{t('customer.noEpisodes')}</p>;
  const link = (episodeId: number | null, label: string) =>
    threadId !== undefined && (
      <AppLink className="small" to={transcriptHref(threadId, episodeId)}>
        {label}
      </AppLink>
    );
  return (
    <>
      {link(null, t('transcript.link'))}
      <ol className="episodes" aria-label={t('customer.episodes')}>
        {list.map((e) => {
          const current = e.id === currentEpisodeId && e.resolvedAt === null;
          const who = e.assigneeId !== null ? agents.get(e.assigneeId)?.name : undefined;
          return (
            <li key={e.id} className={current ? 'current' : ''}>
              <div className="ep-head">
                <strong>{t('episode.number', { number: e.number })}</strong>
                <span className="muted small">{f.shortDate(e.openedAt)}</span>
                <span className={`ep-outcome ${e.resolvedAt ? 'resolved' : 'open'}`}>
                  {e.resolvedAt
                    ? t('episode.resolvedAfter', { time: f.duration(e.resolvedAt - e.openedAt) })
                    : current
                      ? t('episode.current')
                      : t('episode.open')}
                </span>
              </div>
              <div className="ep-facts small muted">
                {e.firstResponseAt !== null && (
                  <span>{t('episode.firstReply', { time: f.duration(e.firstResponseAt - e.openedAt) })}</span>
                )}
                {who && <span>{who}</span>}
                {e.surveyScore !== null && e.surveyKind && (
                  <span className="survey">{t(`episode.survey.${e.surveyKind}`, { score: e.surveyScore })}</span>
                )}
                {(e.sentimentStart !== null || e.sentimentEnd !== null) && (
                  <span>{t('episode.mood', { start: mood(e.sentimentStart), end: mood(e.sentimentEnd) })}</span>
                )}
                {link(e.id, t('transcript.linkEpisode', { number: e.number }))}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
