import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import type { CannedInput } from '#client/api/canned';
import { IdSelect } from '#client/components/IdSelect';
import { useFormat } from '#client/i18n/format';
import { FormFooter } from './AdminForm';

const LANGUAGES = ['en', 'th', 'pl', 'zh-CN', 'zh-TW', 'de', 'fr', 'es', 'ja', 'ko', 'vi', 'id', 'ms'];

/** Create or edit one language variant of a canned response. */
export function CannedForm({
  initial,
  teams,
  busy,
  error,
  onSave,
  onCancel,
}: {
  initial: CannedInput;
  teams: Team[];
  busy: boolean;
  error: string | null;
  onSave(v: CannedInput): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [v, setV] = useState(initial);
  const set = <K extends keyof CannedInput>(k: K, value: CannedInput[K]) => setV((o) => ({ ...o, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(v);
  };
  return (
    <form className="canned-form" onSubmit={submit}>
      <div className="form-row">
        <label className="field">
          <span>{t('canned.shortcut')}</span>
          <span className="prefixed">
            <span aria-hidden="true">/</span>
            <input
              required
              value={v.shortcut}
              onChange={(e) => set('shortcut', e.target.value)}
              pattern="[\p{L}\p{N}][\p{L}\p{M}\p{N}_\-]{0,39}"
            />
          </span>
        </label>
        <label className="field">
          <span>{t('canned.language')}</span>
          <select value={v.language} onChange={(e) => set('language', e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {f.language(l)} ({l})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('canned.team')}</span>
          <IdSelect
            value={v.teamId}
            none={t('canned.everyone')}
            options={teams}
            onChange={(teamId) => set('teamId', teamId)}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('canned.titleField')}</span>
        <input required maxLength={120} value={v.title} onChange={(e) => set('title', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('canned.body')}</span>
        <textarea required rows={5} maxLength={5000} value={v.body} onChange={(e) => set('body', e.target.value)} />
      </label>
      <p className="small muted">{t('canned.placeholders', { a: '{{name}}', b: '{{first_name}}', c: '{{agent}}' })}</p>
      <FormFooter error={error} busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
