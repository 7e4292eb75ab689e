import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { Message } from '#shared/schemas/message';
import { isWhisper } from '#shared/schemas/monitor';
import { useAgents } from '#client/api/directory';
import { useThreadDetail } from '#client/api/threads';
import { useTranscript } from '#client/api/transcript';
import { useChannelLabel } from '#client/components/ChannelIcon';
import { navigate, usePath, useSearchParams } from '#client/router';
import { viewerTimeZone } from '#client/features/search/viewerTimeZone';
import { TranscriptControls } from './TranscriptControls';

/** A clean, printable transcript of one episode or a customer's whole history, in a chosen time zone. */
export function TranscriptPage({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const threadId = Number(/^\/transcript\/(\d+)/.exec(usePath())?.[1] ?? 0);
  const params = useSearchParams();
  const episodeId = Number(params.get('episode')) || null;
  const tz = validZone(params.get('tz')) ?? viewerTimeZone();
  const detail = useThreadDetail(threadId || null);
  const history = useTranscript(threadId);
  const agents = useAgents().data;
  const names = useMemo(() => new Map((agents ?? []).map((a) => [a.id, a.name])), [agents]);
  const channel = useChannelLabel();
  const stamp = useMemo(() => stampIn(me.locale, tz), [me.locale, tz]);
  const [printedAt] = useState(() => Date.now());
  if (detail.isError || history.isError)
    return <p className="center error">{(detail.error ?? history.error)?.message}</p>;
  if (!detail.data || !history.data) return <p className="center muted">{t('app.loading')}</p>;
  const { customer, episodes } = detail.data;
  const episode = episodes.find((e) => e.id === episodeId) ?? null;
  const shown = history.data.filter(
    // A whisper is coaching between staff, not part of the conversation: never in a transcript.
    (m) => m.direction !== 'system' && !isWhisper(m) && (episode === null || m.episodeId === episode.id),
  );
  const author = (m: Message) =>
    m.direction === 'inbound'
      ? customer.name
      : m.authorAgentId !== null
        ? (names.get(m.authorAgentId) ?? `#${m.authorAgentId}`)
        : t('thread.automatic');
  return (
    <main className="transcript">
      <TranscriptControls
        threadId={threadId}
        episodes={episodes}
        episodeId={episode?.id ?? null}
        tz={tz}
        onBack={() => navigate(`/t/${threadId}`)}
      />
      <header className="transcript-head">
        <h1>{t('transcript.title', { name: customer.name })}</h1>
        <p className="muted small">
          {episode ? t('transcript.episode', { number: episode.number }) : t('transcript.whole')} ·{' '}
          {t('transcript.generated', { tz, time: stamp(printedAt) })}
        </p>
      </header>
      {shown.length === 0 && <p>{t('transcript.none')}</p>}
      <ol className="transcript-lines">
        {shown.map((m) => (
          <li key={m.id} className={`tl tl-${m.direction}`}>
            <div className="tl-meta">
              <time dateTime={new Date(m.sortTs).toISOString()}>{stamp(m.sortTs)}</time>
              <strong>{author(m)}</strong>
              {m.channel && <span>{channel(m.channel)}</span>}
              {m.direction === 'note' && <em>{t('transcript.note')}</em>}
            </div>
            {m.subject && (
              <div className="tl-subject" dir="auto">
                {m.subject}
              </div>
            )}
            <div className="tl-text" dir="auto">
              {m.text}
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}

function validZone(tz: string | null): string | null {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

/** Date and time with seconds in a time zone ("3 Mar 2026, 14:05:09"). */
function stampIn(locale: string, timeZone: string): (ts: number) => string {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  return (ts) => f.format(ts);
}
