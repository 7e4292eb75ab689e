import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewMutations, useScorecards } from '#client/api/reviews';

type Draft = { label: string; weight: number; scale: 'five' | 'yesNo' };

/** Admins define rubrics: a name and criteria with a weight and a 1–5 or yes/no scale. */
export function ScorecardEditor() {
  const { t } = useTranslation();
  const cards = useScorecards().data ?? [];
  const { createScorecard } = useReviewMutations();
  const [name, setName] = useState('');
  const [criteria, setCriteria] = useState<Draft[]>([{ label: '', weight: 1, scale: 'five' }]);
  const set = (i: number, over: Partial<Draft>) =>
    setCriteria(criteria.map((c, j) => (j === i ? { ...c, ...over } : c)));
  return (
    <details className="report-card">
      <summary>
        {t('reports.scorecards')} ({cards.map((c) => c.name).join(', ') || '—'})
      </summary>
      <form
        className="scorecard-form"
        aria-label={t('reports.newScorecard')}
        onSubmit={(e) => {
          e.preventDefault();
          createScorecard.mutate(
            { name, criteria },
            { onSuccess: () => (setName(''), setCriteria([{ label: '', weight: 1, scale: 'five' }])) },
          );
        }}
      >
        <label>
          {t('reports.scorecardName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        {criteria.map((c, i) => (
          <div key={i} className="criterion-row">
            <label>
              {t('reports.criterion')}
              <input value={c.label} onChange={(e) => set(i, { label: e.target.value })} required maxLength={120} />
            </label>
            <label>
              {t('reports.weight')}
              <input
                type="number"
                min={1}
                max={100}
                value={c.weight}
                onChange={(e) => set(i, { weight: Number(e.target.value) })}
              />
            </label>
            <label>
              {t('reports.scale')}
              <select value={c.scale} onChange={(e) => set(i, { scale: e.target.value as Draft['scale'] })}>
                <option value="five">{t('reports.scaleFive')}</option>
                <option value="yesNo">{t('reports.scaleYesNo')}</option>
              </select>
            </label>
          </div>
        ))}
        <button type="button" onClick={() => setCriteria([...criteria, { label: '', weight: 1, scale: 'five' }])}>
          {t('reports.addCriterion')}
        </button>
        {createScorecard.isError && <p role="alert">{createScorecard.error.message}</p>}
        <button type="submit" className="primary" disabled={createScorecard.isPending}>
          {t('reports.createScorecard')}
        </button>
      </form>
    </details>
  );
}
