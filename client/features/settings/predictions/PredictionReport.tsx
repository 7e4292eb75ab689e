import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PredictionCalibrationDto } from '#shared/schemas/predictions';
import { usePredictionCalibration } from '#client/api/predictions';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { settingsPage } from '#client/features/settings/settingsPage';
import { Field } from '#client/features/settings/FormParts';

type Row = PredictionCalibrationDto['items'][number] & { id: number };
const RANGES = [7, 30, 90] as const;

/** The share of customers answered within the promised wait, per team and channel, against the target. */
function PredictionReport() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const report = usePredictionCalibration(days);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const target = report.data?.target ?? 0.8;
  const share = (r: { keptShare: number | null }) =>
    r.keptShare === null ? (
      <span className="muted">{t('admin.predictions.noneDecided')}</span>
    ) : (
      <>
        {pct.format(r.keptShare)}{' '}
        <span className={r.keptShare >= target ? 'ok small' : 'error small'}>
          {r.keptShare >= target ? t('admin.predictions.onTarget') : t('admin.predictions.belowTarget')}
        </span>
      </>
    );
  const rows: Row[] = (report.data?.items ?? []).map((r, i) => ({ ...r, id: i + 1 }));
  const overall = report.data?.overall;
  return (
    <RecordsPage
      keys="admin.predictions"
      query={report}
      rows={rows}
      footer={<p className="muted small">{t('admin.predictions.rule')}</p>}
      columns={[
        {
          header: t('admin.predictions.teamChannel'),
          cell: (r) =>
            `${r.teamName ?? t('admin.predictions.noTeam')} · ${r.channel ? t(`channel.${r.channel}`) : '—'}`,
        },
        { header: t('admin.predictions.promises'), cell: (r) => r.promises },
        { header: t('admin.predictions.kept'), cell: (r) => r.kept },
        { header: t('admin.predictions.missed'), cell: (r) => r.missed },
        { header: t('admin.predictions.open'), cell: (r) => r.pending + r.unanswered },
        { header: t('admin.predictions.share'), cell: share },
      ]}
    >
      <Field label={t('admin.predictions.range')}>
        {(a) => (
          <select {...a} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {RANGES.map((d) => (
              <option key={d} value={d}>
                {t('admin.predictions.days', { count: d })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {overall && (
        <p role="status">
          {t('admin.predictions.overall', { kept: overall.kept, decided: overall.kept + overall.missed })}{' '}
          {share(overall)} · {t('admin.predictions.target', { target: pct.format(target) })}
        </p>
      )}
    </RecordsPage>
  );
}

export default settingsPage('predictions', PredictionReport);
