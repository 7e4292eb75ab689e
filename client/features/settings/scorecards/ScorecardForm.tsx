import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Scorecard } from '#shared/schemas/reviews';
import { ApiError } from '#client/api/http';
import { useScorecardAdmin, useScorecards } from '#client/api/scorecards';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { NameField } from '#client/features/settings/FormParts';
import { useFormErrors } from '#client/features/settings/formErrors';
import { draftFields } from '#client/features/settings/draft';
import { BLANK_CRITERION, CriteriaFields } from './CriteriaFields';

/** "Quality" → "Quality (2)", "Quality (2)" → "Quality (3)", skipping names already taken. */
export function nextName(name: string, taken: readonly string[]): string {
  const m = /^(.*) \((\d+)\)$/.exec(name);
  const base = m ? m[1] : name;
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) if (!taken.includes(`${base} (${n})`)) return `${base} (${n})`;
}

/**
 * Create a rubric or edit one. A rubric used in reviews keeps its criteria (the server refuses to
 * change them): its form offers a rename, or "a new version" — a copy with editable criteria whose
 * saving archives the original, so the reviews scored with it keep it.
 */
export function ScorecardForm({ card, onDone }: { card?: Scorecard; onDone(): void }) {
  const { t } = useTranslation();
  const taken = (useScorecards('include').data ?? []).map((c) => c.name);
  const { create, update, copy } = useScorecardAdmin();
  const [copying, setCopying] = useState(false);
  const [draft, setDraft] = useState<{ name: string; criteria: Criterion[] }>({
    name: card?.name ?? '',
    criteria: card?.criteria ?? [BLANK_CRITERION],
  });
  const fields = draftFields(draft, setDraft);
  const { name, criteria } = draft;
  const locked = card !== undefined && card.reviewCount > 0 && !copying;
  const m = !card ? create : copying ? copy : update;
  const nameTaken = m.error instanceof ApiError && m.error.code === 'conflict';
  const errors = useFormErrors(
    m.error,
    ['name', 'criteria'],
    nameTaken ? { field: 'name', message: t('reports.cards.nameTaken') } : undefined,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = { onSuccess: onDone };
    if (!card) create.mutate({ name, criteria }, done);
    else if (copying) copy.mutate({ id: card.id, body: { name, criteria } }, done);
    else update.mutate({ id: card.id, body: locked ? { name } : { name, criteria } }, done);
  };
  const startCopy = () => {
    update.reset();
    setCopying(true);
    setDraft({ ...draft, name: nextName(card!.name, taken) });
  };
  const title = !card
    ? t('reports.cards.createTitle')
    : t(copying ? 'reports.cards.copyTitle' : 'reports.cards.editTitle', { name: card.name });
  return (
    <AdminForm title={title} onSubmit={submit}>
      <div className="form-row">
        <NameField label={t('reports.cards.name')} error={errors.fields.name} autoFocus {...fields.field('name')} />
      </div>
      {locked && (
        <p className="form-note callout">
          {t('reports.cards.locked', { count: card.reviewCount })}{' '}
          <button type="button" className="link" onClick={startCopy}>
            {t('reports.cards.startCopy')}
          </button>
        </p>
      )}
      <CriteriaFields {...fields.field('criteria')} disabled={locked} error={errors.fields.criteria} />
      {copying && (
        <p className="form-note callout">
          {t('reports.cards.copyNote', { name: card!.name, count: card!.reviewCount })}
        </p>
      )}
      <FormFooter
        error={errors.summary}
        busy={m.isPending}
        submitLabel={t(!card ? 'reports.cards.create' : copying ? 'reports.cards.saveCopy' : 'common.save')}
        onCancel={onDone}
      />
    </AdminForm>
  );
}
