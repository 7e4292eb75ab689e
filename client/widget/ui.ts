import { el } from './dom';
import { WIDGET_CSS } from './styles';

/** One line in the conversation log as the UI shows it. */
export interface LogEntry {
  key: string;
  from: 'visitor' | 'agent';
  text: string;
  author: string | null;
  state: 'stored' | 'sending' | 'failed';
  error?: string;
}

/** What the UI reports back to the widget's controller. */
export interface UiHandlers {
  onSubmit(text: string, profile: { name?: string; email?: string }): void;
  onToggle(open: boolean): void;
  onRetry(key: string): void;
}

/** The widget's accessible UI, rendered inside a shadow root. */
export interface WidgetUi {
  render(entries: LogEntry[]): void;
  setUnread(count: number): void;
  setStatus(text: string): void;
  /** Show the optional pre-chat fields (name, email) until the visitor has written once. */
  showPrechat(show: boolean): void;
  isOpen(): boolean;
  clearInput(): void;
}

/** Build the launcher button and the chat panel (a labelled dialog with a live log and a form). */
export function createWidgetUi(root: ShadowRoot, h: UiHandlers): WidgetUi {
  root.append(el('style', {}, WIDGET_CSS));
  const badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const launcher = el(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-label': 'Chat with us',
      'aria-expanded': 'false',
      'aria-controls': 'braid-panel',
    },
    '💬',
    badge,
  );
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×');
  const status = el('div', { class: 'status', role: 'status' });
  const list = el('ol', { class: 'msgs' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' }, list);
  const name = el('input', { id: 'braid-name', name: 'name', autocomplete: 'name', maxlength: '120' });
  const email = el('input', {
    id: 'braid-email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    maxlength: '254',
  });
  const prechat = el(
    'fieldset',
    {},
    el('legend', {}, 'Optional: tell us who you are'),
    el('label', { for: 'braid-name' }, 'Name', name),
    el('label', { for: 'braid-email' }, 'Email', email),
  );
  const input = el('textarea', { id: 'braid-message', rows: '2', maxlength: '5000', enterkeyhint: 'send' });
  const send = el('button', { type: 'submit', class: 'send' }, 'Send');
  const form = el(
    'form',
    { 'aria-label': 'Write to us' },
    prechat,
    el('div', { class: 'row' }, el('label', { for: 'braid-message' }, 'Message', input), send),
  );
  const panel = el(
    'section',
    { id: 'braid-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'braid-title', hidden: true },
    el('header', {}, el('h2', { id: 'braid-title' }, 'Chat with us'), close),
    status,
    log,
    form,
  );
  root.append(launcher, panel);

  const toggle = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    h.onToggle(open);
    if (open) input.focus();
    else launcher.focus();
  };
  launcher.addEventListener('click', () => toggle(panel.hidden));
  close.addEventListener('click', () => toggle(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') toggle(false);
  });
  const submit = () => {
    if (!form.reportValidity() || input.value.trim() === '') return;
    h.onSubmit(input.value, { name: name.value.trim() || undefined, email: email.value.trim() || undefined });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });

  return {
    render(entries) {
      const items = entries.map((m) => {
        const li = el('li', { class: `${m.from}${m.state === 'failed' ? ' failed' : ''}` });
        li.append(el('span', { class: 'who' }, m.from === 'visitor' ? 'You' : (m.author ?? 'Support')));
        li.append(el('p', { class: 'bubble', dir: 'auto', style: 'margin:0' }, m.text));
        if (m.state === 'sending') li.append(el('span', { class: 'who' }, 'Sending…'));
        if (m.state === 'failed') {
          const retry = el('button', { type: 'button', class: 'retry' }, 'Retry');
          retry.addEventListener('click', () => h.onRetry(m.key));
          li.append(el('span', { class: 'err', role: 'alert' }, m.error ?? 'Not sent'), retry);
        }
        return li;
      });
      if (items.length === 0)
        items.push(el('li', { class: 'empty' }, 'Ask us anything — we usually answer within minutes.'));
      list.replaceChildren(...items);
      log.scrollTop = log.scrollHeight;
    },
    setUnread(count) {
      badge.hidden = count === 0;
      badge.textContent = String(count);
      launcher.setAttribute('aria-label', count > 0 ? `Chat with us (${count} new)` : 'Chat with us');
    },
    setStatus(text) {
      status.textContent = text;
    },
    showPrechat(show) {
      prechat.hidden = !show;
    },
    isOpen: () => !panel.hidden,
    clearInput() {
      input.value = '';
    },
  };
}
