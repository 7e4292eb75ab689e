import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Free-text notes about the customer, saved explicitly (other agents' edits arrive live). */
export function NotesEditor({ notes, onSave, busy }: { notes: string; onSave(notes: string): void; busy: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(notes);
  const [editing, setEditing] = useState(false);
  // Adopt notes saved elsewhere while the agent is not editing (state adjusted during render, not in an effect).
  const [seen, setSeen] = useState({ notes, editing });
  if (seen.notes !== notes || seen.editing !== editing) {
    setSeen({ notes, editing });
    if (!editing) setText(notes);
  }
  const dirty = text !== notes;
  return (
    <div className="notes">
      <textarea
        value={text}
        rows={3}
        aria-label={t('customer.notes')}
        placeholder={t('customer.notesPlaceholder')}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(dirty)}
        onChange={(e) => setText(e.target.value)}
      />
      {dirty && (
        <div className="row-end">
          <button
            type="button"
            className="link small"
            onClick={() => {
              setText(notes);
              setEditing(false);
            }}
          >
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="small primary"
            disabled={busy}
            onClick={() => {
              onSave(text);
              setEditing(false);
            }}
          >
            {t('common.save')}
          </button>
        </div>
      )}
    </div>
  );
}
