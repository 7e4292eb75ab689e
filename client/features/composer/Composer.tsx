import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { Customer } from '#shared/schemas/customer';
import type { Attachment, Message } from '#shared/schemas/message';
import type { ThreadSummary } from '#shared/schemas/thread';
import { useSendMessage } from '#client/api/threads';
import { useConfirmedSend } from './useConfirmedSend';
import { AttachmentChips } from './AttachmentChips';
import { CannedMenu, type CannedOption } from './CannedMenu';
import { loadDraft, saveDraft } from './drafts';
import { defaultIdentity, IdentityPicker } from './IdentityPicker';
import { useCannedSuggest } from './useCannedSuggest';
import { useTypingSignal } from './useTypingSignal';

/** What the thread (and keyboard shortcuts) can ask of the composer. */
export interface ComposerHandle {
  focus(mode?: 'reply' | 'note'): void;
  /** Put text back (editing a send that failed). */
  restore(text: string, note: boolean): void;
}

/**
 * Reply box. Enter sends and Shift+Enter is a new line; "/" opens canned responses; a toggle makes
 * it an internal note; the draft is kept per thread; sending is optimistic (the timeline shows it
 * at once and offers retry if the server refuses).
 */
export function Composer(p: {
  thread: ThreadSummary;
  customer: Customer;
  /** Customer's language (profile, else detected) for canned variants. */ language?: string | null;
  me: Agent;
  messages: Message[];
  agents: Map<number, Agent>;
  onSent(): void;
  handle?: Ref<ComposerHandle>;
}) {
  const { t } = useTranslation();
  const threadId = p.thread.id;
  const initial = loadDraft(p.me.id, threadId);
  const [text, setText] = useState(initial.text);
  const [note, setNote] = useState(initial.note);
  const [startedAt, setStartedAt] = useState(initial.startedAt);
  const [seenId, setSeenId] = useState(initial.seenId ?? null);
  const [caret, setCaret] = useState(initial.text.length);
  const [identityId, setIdentityId] = useState<number | undefined>(undefined);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const menuId = useId();
  const send = useSendMessage(threadId);
  const signal = useTypingSignal(threadId);
  const fallback = defaultIdentity(p.customer.identities);
  const via = identityId ?? fallback?.id;
  const canned = useCannedSuggest(text, caret, {
    customerLanguage: p.language ?? p.customer.language,
    agentLocale: p.me.locale,
    customerName: p.customer.name,
    agentName: p.me.name,
  });

  useEffect(
    () => saveDraft(p.me.id, threadId, { text, note, startedAt, seenId }),
    [p.me.id, threadId, text, note, startedAt, seenId],
  );
  useImperativeHandle(p.handle, () => ({
    focus(mode) {
      if (mode) setNote(mode === 'note');
      area.current?.focus();
    },
    restore,
  }));
  function restore(restored: string, asNote: boolean) {
    setText(restored);
    setNote(asNote);
    setStartedAt(Date.now());
    setSeenId(p.messages.at(-1)?.id ?? null);
    area.current?.focus();
  }
  // A colleague replied (or the thread is theirs): the server asked first; the dialog shows why.
  const confirmed = useConfirmedSend(threadId, send, restore);

  // Someone else answered this customer after I started typing: warn before I send a duplicate.
  const clash =
    startedAt === null
      ? undefined
      : p.messages.find(
          (m) =>
            m.direction === 'outbound' &&
            !m.isAuto &&
            m.authorAgentId !== null &&
            m.authorAgentId !== p.me.id &&
            m.sortTs > startedAt,
        );
  const clashName = clash ? (p.agents.get(clash.authorAgentId!)?.name ?? t('thread.formerAgent')) : null;

  const change = (value: string, pos: number) => {
    setText(value);
    setCaret(pos);
    if (value.trim() === '') setStartedAt(null);
    else if (startedAt === null) {
      setStartedAt(Date.now());
      setSeenId(p.messages.at(-1)?.id ?? null);
    }
    signal.typing(value.trim() !== '' && !note);
  };
  const pick = (o: CannedOption) => {
    const next = canned.apply(o);
    if (!next) return;
    change(next.text, next.caret);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
  };
  const submit = () => {
    const body = text.trim();
    if (!body) return;
    // "/ref" that matched no canned response (or one left unexpanded) is a slip, never a message.
    const slash = /^\/([\p{L}\p{M}\p{N}_-]+)(?:\s|$)/u.exec(body);
    if (slash && (!canned.known(slash[1]) || body === slash[0].trim())) {
      setNotice(t('traps.unknownShortcut', { shortcut: `/${slash[1]}` }));
      return;
    }
    const sentAttachments = note ? [] : attachments;
    send.mutate(
      {
        kind: note ? 'note' : 'reply',
        text: body,
        clientId: crypto.randomUUID(),
        identityId: !note && via !== fallback?.id ? via : undefined,
        attachments: sentAttachments,
        submittedAt: Date.now(),
        ...(note || seenId === null ? {} : { seenMessageId: seenId }),
      },
      {
        onSuccess: (m) =>
          setNotice(sentAttachments.length > 0 && m.attachments.length === 0 ? t('composer.attachmentsDropped') : null),
        onError: confirmed.onError,
      },
    );
    setText('');
    setCaret(0);
    setStartedAt(null);
    setSeenId(null);
    setAttachments([]);
    signal.typing(false);
    p.onSent();
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (canned.open && canned.options.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        canned.move(e.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(canned.options[canned.active]);
        return;
      }
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (canned.open) canned.close();
      else area.current?.blur();
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      submit();
    }
  };
  const menuOpen = canned.open;
  return (
    <form
      className={`composer${note ? ' note-mode' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={t('composer.formLabel')}
    >
      <div className="composer-top">
        <div className="mode-switch" role="group" aria-label={t('composer.mode')}>
          <button type="button" aria-pressed={!note} className={!note ? 'on' : ''} onClick={() => setNote(false)}>
            {t('composer.reply')}
          </button>
          <button type="button" aria-pressed={note} className={note ? 'on' : ''} onClick={() => setNote(true)}>
            {t('composer.noteToggle')}
          </button>
        </div>
        {note ? (
          <span className="note-warning">{t('composer.noteWarning')}</span>
        ) : (
          <IdentityPicker
            identities={p.customer.identities}
            customerName={p.customer.name}
            value={via}
            onChange={setIdentityId}
          />
        )}
      </div>
      {clashName && (
        <p className="clash" role="alert">
          {t('composer.clash', { name: clashName })}
        </p>
      )}
      {confirmed.dialog(p.agents)}
      {menuOpen && <CannedMenu id={menuId} options={canned.options} active={canned.active} onPick={pick} />}
      <textarea
        ref={area}
        id={`composer-${threadId}`}
        aria-label={t('composer.label')}
        aria-describedby={`composer-hint-${threadId}`}
        aria-autocomplete="list"
        aria-controls={menuOpen && canned.options.length > 0 ? menuId : undefined}
        aria-activedescendant={menuOpen && canned.options.length > 0 ? `${menuId}-${canned.active}` : undefined}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder')}
        value={text}
        rows={3}
        onChange={(e) => change(e.target.value, e.target.selectionStart)}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKey}
        onBlur={() => signal.typing(false)}
      />
      <div className="composer-bar">
        {!note && <AttachmentChips items={attachments} onChange={setAttachments} />}
        <span id={`composer-hint-${threadId}`} className="hint">
          {t('composer.hint')}
        </span>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        <button type="submit" className="primary" disabled={!text.trim()}>
          {note ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
