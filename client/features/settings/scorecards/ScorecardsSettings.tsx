import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { Scorecard } from '#shared/schemas/reviews';
import { useScorecardAdmin, useScorecards } from '#client/api/scorecards';
import { useFormat } from '#client/i18n/format';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';
import { useInlineEditor } from '#client/features/settings/useInlineEditor';
import { ScorecardForm } from './ScorecardForm';
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
            ×{c.weight} · {t(c.scale === 'five' ? 'reports.cards.scaleFive' : 'reports.cards.scaleYesNo')}
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
export default function ScorecardsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cards = useScorecards('include');
  const { archive } = useScorecardAdmin();
  const editor = useInlineEditor('scorecard');
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('admin.nav.leadsOnly')}</p>;
  const canEdit = hasRole(me.role, 'admin');
  const all = cards.data ?? [];
  const rows = [...all.filter((c) => c.archivedAt === null), ...all.filter((c) => c.archivedAt !== null)];
  const taken = all.map((c) => c.name);
  return (
    <AdminPage keys="reports.cards" titleId="scorecards-title" canEdit={canEdit} add={editor.add}>
      {editor.creating && <ScorecardForm taken={taken} onDone={editor.closeNew} />}
      <AdminTable
        failed={archive.error}
        query={cards}
        rows={rows}
        empty={t('reports.cards.empty')}
        rowClassName={(c) => (c.archivedAt === null ? undefined : 'inactive')}
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
        actions={
          canEdit
            ? (c) => (
                <>
                  {editor.editButton(c, t('common.edit'))}
                  <button
                    type="button"
                    className="link small"
                    disabled={archive.isPending}
                    onClick={() => archive.mutate({ id: c.id, archived: c.archivedAt === null })}
                  >
                    {t(c.archivedAt === null ? 'reports.cards.archive' : 'reports.cards.unarchive')}{' '}
                    <span className="sr-only">{c.name}</span>
                  </button>
                </>
              )
            : undefined
        }
        open={editor.open}
        editor={(c) => <ScorecardForm card={c} taken={taken} onDone={() => editor.closeRow(c.id)} />}
      />
    </AdminPage>
  );
}
