import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { Customer } from '#shared/schemas/customer';
import type { Episode } from '#shared/schemas/thread';
import { useCustomerProfile, useUpdateCustomer } from '#client/api/customers';
import { useNow } from '#client/components/useNow';
import { useFormat } from '#client/i18n/format';
import { Episodes } from './Episodes';
import { Identities } from './Identities';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { LinkSuggestions } from './LinkSuggestions';
import { MergeHistory } from './MergeHistory';
import { NotesEditor } from './NotesEditor';
import { TagEditor } from './TagEditor';
import { ProfileEditor } from './ProfileEditor';

const MergeDialog = lazy(() => import('./MergeDialog'));

/** Who the customer is: identities, language, local time, notes, tags, past episodes, merges. */
export function CustomerPanel({
  customer,
  detectedLanguage = null,
  threadId,
  episodes,
  currentEpisodeId,
  agents,
}: {
  customer: Customer;
  detectedLanguage?: string | null;
  threadId: number;
  episodes: Episode[];
  currentEpisodeId: number | null;
  agents: Map<number, Agent>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const profile = useCustomerProfile(customer.id);
  const update = useUpdateCustomer(customer.id, threadId);
  // true: the merge dialog searches; a customer: it opens on that suggested duplicate's preview.
  const [merging, setMerging] = useState<boolean | Customer>(false);
  const local = customer.timeZone ? f.zoneTime(now, customer.timeZone) : null;
  return (
    <aside className="customer-panel" aria-label={t('customer.panel')}>
      <section>
        <h2 className="cp-title">{t('customer.profile')}</h2>
        <dl className="facts small">
          {customer.tier && (
            <>
              <dt>{t('customer.tier')}</dt>
              <dd>{customer.tier}</dd>
            </>
          )}
          <dt>{t('customer.language')}</dt>
          <dd>
            {customer.language ? (
              f.language(customer.language)
            ) : detectedLanguage ? (
              t('customer.detected', { language: f.language(detectedLanguage) })
            ) : (
              <span className="muted">{t('customer.unknown')}</span>
            )}
          </dd>
          <dt>{t('customer.localTime')}</dt>
          <dd>
            {local ? (
              t('customer.localTimeValue', { time: local, zone: customer.timeZone })
            ) : (
              <span className="muted">{t('customer.unknownZone')}</span>
            )}
          </dd>
          <dt>{t('customer.since')}</dt>
          <dd>{f.shortDate(customer.createdAt)}</dd>
        </dl>
        <ProfileEditor customer={customer} busy={update.isPending} onSave={(p) => update.mutate(p)} />
      </section>
      <section aria-labelledby="cp-ids">
        <h3 id="cp-ids">{t('customer.identities')}</h3>
        <Identities identities={customer.identities} customerName={customer.name} />
      </section>
      <LinkSuggestions suggestions={profile.data?.suggestions ?? []} />
      <DuplicateSuggestions customerId={customer.id} onMerge={setMerging} />
      <section aria-labelledby="cp-tags">
        <h3 id="cp-tags">{t('customer.tags')}</h3>
        <TagEditor tags={customer.tags} busy={update.isPending} onChange={(tags) => update.mutate({ tags })} />
      </section>
      <section aria-labelledby="cp-notes">
        <h3 id="cp-notes">{t('customer.notes')}</h3>
        <NotesEditor notes={customer.notes} busy={update.isPending} onSave={(notes) => update.mutate({ notes })} />
        {update.isError && (
          <p className="error small" role="alert">
            {update.error.message}
          </p>
        )}
      </section>
      <section aria-labelledby="cp-episodes">
        <h3 id="cp-episodes">{t('customer.episodes')}</h3>
        <Episodes episodes={episodes} currentEpisodeId={currentEpisodeId} agents={agents} threadId={threadId} />
      </section>
      <section aria-labelledby="cp-merge">
        <h3 id="cp-merge">{t('merge.heading')}</h3>
        <button type="button" className="small" onClick={() => setMerging(true)}>
          {t('merge.open')}
        </button>
        <MergeHistory customerId={customer.id} merges={profile.data?.merges ?? []} agents={agents} />
      </section>
      {merging !== false && (
        <Suspense fallback={null}>
          <MergeDialog
            target={customer}
            initial={typeof merging === 'object' ? merging : null}
            onClose={() => setMerging(false)}
          />
        </Suspense>
      )}
    </aside>
  );
}
