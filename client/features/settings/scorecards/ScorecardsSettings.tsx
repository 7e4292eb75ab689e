import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { Scorecard } from '#shared/schemas/reviews';
import { useScorecardAdmin, useScorecards } from '#client/api/scorecards';
import { useFormat } from '#client/i18n/format';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { ScorecardForm } from './ScorecardForm';
import { SCALE_NAMES } from './CriteriaFields';
import { settingsPage } from '#client/features/settings/settingsPage';
import './scorecards.css';

/** One line per criterion: its label, weight and scale. */
function CriteriaList({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  return (
    <ul className="criteria-list">
      {card.criteria.map((c, i) => (
        <li key={i}>
          {c.label}{' '}
          <span className="muted small">
            ×{c.weight} · {t(SCALE_NAMES[c.scale])}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The rubrics reviews are scored with. Admins create, rename, change (while unreviewed), archive and
 * restore them; leads and supervisors, who score with them, see them read-only. Archived ones sit
 * at the end, greyed: no longer offered for new reviews, still shown with their past ones.
 */
function ScorecardsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cards = useScorecards('include');
  const { archive } = useScorecardAdmin();
  const canEdit = hasRole(me.role, 'admin');
  const all = cards.data ?? [];
  const rows = [...all.filter((c) => c.archivedAt === null), ...all.filter((c) => c.archivedAt !== null)];
  return (
    <RecordsPage
      keys="reports.cards"
      canEdit={canEdit}
      form={{ prefix: 'scorecard', render: (c, onDone) => <ScorecardForm card={c} onDone={onDone} /> }}
      failed={archive.error}
      query={cards}
      rows={rows}
      inactive={(c) => c.archivedAt !== null}
      columns={[
        { header: t('reports.cards.name'), cell: (c) => c.name },
        { header: t('reports.cards.criteria'), cell: (c) => <CriteriaList card={c} /> },
        { header: t('reports.cards.reviews'), className: 'num', cell: (c) => c.reviewCount },
        {
          header: t('reports.cards.status'),
          cell: (c) =>
            c.archivedAt === null
              ? t('reports.cards.inUse')
              : t('reports.cards.archivedAt', { time: f.dateTime(c.archivedAt) }),
        },
      ]}
      actions={(c) => (
        <button
          type="button"
          className="link small"
          disabled={archive.isPending}
          onClick={() => archive.mutate({ id: c.id, archived: c.archivedAt === null })}
        >
          {t(c.archivedAt === null ? 'reports.cards.archive' : 'reports.cards.unarchive')}{' '}
          <span className="sr-only">{c.name}</span>
        </button>
      )}
    />
  );
}

export default settingsPage('scorecards', ScorecardsSettings);
