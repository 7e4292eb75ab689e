import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#shared/schemas/customer';
import { useCustomerSearch, useMergeActions } from '#client/api/customers';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { IdentityHint } from '#client/components/IdentityHint';
import { Dialog } from '#client/components/Dialog';
import { ConfirmFooter, DialogFooter } from '#client/components/DialogFooter';
import { Identities } from './Identities';

function Summary({ c, role }: { c: Customer; role: string }) {
  return (
    <section className="merge-side" aria-label={role}>
      <h3>{role}</h3>
      <p className="merge-name" dir="auto">
        {c.name}
      </p>
      <Identities identities={c.identities} customerName={c.name} />
      {c.tags.length > 0 && <p className="small muted">{c.tags.join(', ')}</p>}
    </section>
  );
}

/** Merge a duplicate into this customer: search (or start from a suggested duplicate), preview what moves, confirm. */
export default function MergeDialog({
  target,
  initial = null,
  onClose,
}: {
  target: Customer;
  initial?: Customer | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Customer | null>(initial);
  const search = useCustomerSearch(q);
  const { merge } = useMergeActions(target.id);
  const hits = (search.data ?? []).filter((c) => c.id !== target.id && c.mergedIntoId === null);
  return (
    <Dialog title={t('merge.title', { name: target.name })} onClose={onClose} className="merge-dialog">
      {!picked ? (
        <>
          <label className="field">
            <span>{t('merge.search')}</span>
            <input
              type="search"
              value={q}
              autoFocus
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('merge.searchPlaceholder')}
            />
          </label>
          <ul className="merge-hits" aria-label={t('merge.results')} aria-busy={search.isFetching}>
            {hits.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => setPicked(c)}>
                  <span className="hit-name" dir="auto">
                    {c.name}
                  </span>
                  <span className="channels">
                    {[...new Set(c.identities.map((i) => i.channel))].map((ch) => (
                      <ChannelIcon key={ch} channel={ch} />
                    ))}
                  </span>
                  <IdentityHint hint={c.hint} />
                </button>
              </li>
            ))}
          </ul>
          {q.trim().length >= 2 && !search.isFetching && hits.length === 0 && (
            <p className="muted small" role="status">
              {t('merge.none')}
            </p>
          )}
          <DialogFooter>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </DialogFooter>
        </>
      ) : (
        <>
          <div className="merge-preview">
            <Summary c={picked} role={t('merge.source')} />
            <span className="merge-arrow" aria-hidden="true">
              →
            </span>
            <Summary c={target} role={t('merge.target')} />
          </div>
          <p className="small">
            {t('merge.explain', { source: picked.name, target: target.name, count: picked.identities.length })}
          </p>
          <ConfirmFooter
            error={merge.error?.message ?? null}
            busy={merge.isPending}
            backLabel={t('common.back')}
            onBack={() => setPicked(null)}
            confirmLabel={t('merge.confirm')}
            onConfirm={() => merge.mutate(picked.id, { onSuccess: onClose })}
          />
        </>
      )}
    </Dialog>
  );
}
