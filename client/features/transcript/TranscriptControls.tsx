import { useTranslation } from 'react-i18next';
import type { Episode } from '#shared/schemas/thread';
import { navigate } from '#client/router';
import { viewerTimeZone } from '#client/features/search/viewerTimeZone';
import { transcriptHref } from './href';
import { Filter } from '#client/components/Filter';
import { IdSelect } from '#client/components/IdSelect';
import { Select, optionsOf } from '#client/components/Select';

/** Zones offered besides the viewer's own and the one in the address. */
const ZONES = ['UTC', 'Asia/Bangkok', 'Asia/Shanghai', 'Europe/Warsaw', 'Europe/London', 'America/New_York'];

/** Scope (one episode or everything), time zone, print and back: hidden when printing. */
export function TranscriptControls(p: {
  threadId: number;
  episodes: Episode[];
  episodeId: number | null;
  tz: string;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const zones = [...new Set([viewerTimeZone(), p.tz, ...ZONES])];
  const go = (episodeId: number | null, tz: string) => navigate(transcriptHref(p.threadId, episodeId, tz), true);
  return (
    <div className="transcript-controls no-print">
      <button type="button" className="link" onClick={p.onBack}>
        ← {t('transcript.back')}
      </button>
      <Filter label={t('transcript.scope')}>
        <IdSelect
          value={p.episodeId}
          none={t('transcript.whole')}
          options={[...p.episodes]
            .sort((a, b) => b.number - a.number)
            .map((e) => ({ id: e.id, name: t('transcript.episode', { number: e.number }) }))}
          onChange={(episodeId) => go(episodeId, p.tz)}
        />
      </Filter>
      <Filter label={t('transcript.timeZone')}>
        <Select value={p.tz} options={optionsOf(zones, (z) => z)} onChange={(tz) => go(p.episodeId, tz)} />
      </Filter>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('transcript.print')}
      </button>
    </div>
  );
}
