import { useTranslation } from 'react-i18next';
import type { Episode } from '#shared/schemas/thread';
import { navigate } from '#client/router';
import { viewerTimeZone } from '#client/features/search/viewerTimeZone';
import { transcriptHref } from './href';

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
      <label className="filter">
        <span>{t('transcript.scope')}</span>
        <select value={p.episodeId ?? ''} onChange={(e) => go(Number(e.target.value) || null, p.tz)}>
          <option value="">{t('transcript.whole')}</option>
          {[...p.episodes]
            .sort((a, b) => b.number - a.number)
            .map((e) => (
              <option key={e.id} value={e.id}>
                {t('transcript.episode', { number: e.number })}
              </option>
            ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('transcript.timeZone')}</span>
        <select value={p.tz} onChange={(e) => go(p.episodeId, e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('transcript.print')}
      </button>
    </div>
  );
}
