import type { WidgetMessage, WidgetProfile } from '#shared/widget';
import { connectWidget, newClientId, type WidgetConnection } from './connection';
import { createWidgetUi, type LogEntry, type WidgetUi } from './ui';

/**
 * Braid's embeddable web-chat widget: `<script src="https://braid.example.com/widget.js" async>`.
 * It talks to the Braid that served it, keeps the visitor's signed token across reloads, loads the
 * history on every (re)connection and shows agent replies live.
 */

declare global {
  interface Window {
    __braidWidget?: boolean;
  }
}

// Captured at load: the script's own origin is the Braid server to talk to.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

interface Pending {
  clientId: string;
  text: string;
  profile?: WidgetProfile;
  error?: string;
}

class Controller {
  private stored = new Map<number, WidgetMessage>();
  private pending = new Map<string, Pending>();
  private profile: WidgetProfile = {};
  private unseen = new Set<number>();
  private ui!: WidgetUi;
  private conn!: WidgetConnection;

  mount(root: ShadowRoot): void {
    this.ui = createWidgetUi(root, {
      onSubmit: (text, profile) => this.submit(text, profile),
      onToggle: (open) => open && this.markSeen(),
      onRetry: (key) => this.retry(key),
    });
    this.ui.setStatus('Connecting…');
    this.conn = connectWidget(origin, {
      onConnected: (ok) =>
        this.ui.setStatus(ok ? '' : 'Reconnecting… your messages will be sent when the connection is back.'),
      onSession: (s) => {
        this.stored.clear();
        for (const m of s.messages) this.stored.set(m.id, m);
        this.profile = { name: s.profile.name ?? undefined, email: s.profile.email ?? undefined };
        this.ui.showPrechat(s.messages.length === 0 && !s.profile.email);
        this.trackUnseen(s.messages);
        this.refresh();
      },
      onMessage: (m) => {
        this.stored.set(m.id, m);
        this.trackUnseen([m]);
        this.refresh();
      },
    });
    this.refresh();
  }

  private trackUnseen(messages: WidgetMessage[]): void {
    const agent = messages.filter((m) => m.from === 'agent').map((m) => m.id);
    if (this.ui.isOpen()) return this.conn.seen(agent, true);
    // Shown in the closed widget's badge: delivered, not yet read.
    agent.forEach((id) => this.unseen.add(id));
    this.conn.seen(agent, false);
  }

  private markSeen(): void {
    this.conn.seen([...this.unseen], true);
    this.unseen.clear();
    this.refresh();
  }

  private submit(text: string, form: { name?: string; email?: string }): void {
    if (form.name || form.email) this.profile = { ...this.profile, ...form };
    const p: Pending = {
      clientId: newClientId(),
      text,
      profile: this.profile.name || this.profile.email ? this.profile : undefined,
    };
    this.pending.set(p.clientId, p);
    this.ui.clearInput();
    this.ui.showPrechat(false);
    this.deliver(p);
  }

  private retry(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    p.error = undefined;
    this.deliver(p);
  }

  private deliver(p: Pending): void {
    this.refresh();
    this.conn
      .send(p.clientId, p.text, p.profile)
      .then((m) => {
        this.pending.delete(p.clientId);
        this.stored.set(m.id, m);
      })
      .catch((err: Error) => {
        p.error = err.message;
      })
      .finally(() => this.refresh());
  }

  private refresh(): void {
    const entries: LogEntry[] = [...this.stored.values()]
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .map((m) => ({ key: String(m.id), from: m.from, text: m.text, author: m.author, state: 'stored' as const }));
    for (const p of this.pending.values()) {
      entries.push({
        key: p.clientId,
        from: 'visitor',
        text: p.text,
        author: null,
        state: p.error ? 'failed' : 'sending',
        error: p.error,
      });
    }
    this.ui.render(entries);
    this.ui.setUnread(this.unseen.size);
  }
}

function boot(): void {
  if (window.__braidWidget) return;
  window.__braidWidget = true;
  const host = document.createElement('div');
  host.id = 'braid-chat-widget';
  document.body.append(host);
  new Controller().mount(host.attachShadow({ mode: 'open' }));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
