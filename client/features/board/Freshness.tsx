import { useTranslation } from 'react-i18next';
import { useFormat } from '#client/i18n/format';

/**
 * How fresh the board is, said outright so a stale screen is never mistaken for a calm floor:
 * while the socket is up every change arrives, so the data is current and the line says when it
 * last changed; when the socket is down it says so, and how old the figures are.
 */
export function Freshness({ connected, updatedAt, now }: { connected: boolean; updatedAt: number; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ago = f.duration(Math.max(0, now - updatedAt));
  return (
    <p className={`board-fresh ${connected ? 'board-live' : 'board-lost'}`} role="status">
      <span className="board-dot" aria-hidden="true" />
      {connected ? t('board.fresh.live', { ago }) : t('board.fresh.lost', { ago })}
    </p>
  );
}
