import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { initI18n } from '#client/i18n';

initI18n('en');
// findBy…/waitFor wait up to 5 s (default 1 s): a screen's data arrives late when the machine is busy,
// and a slow answer is not a wrong one.
configure({ asyncUtilTimeout: 5_000 });
afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  // Screens keep state in the address (filters, picked figures): each test starts at '/'.
  window.history.replaceState(null, '', '/');
});

// jsdom does no layout. Give elements a plausible size so virtualised lists render a window of
// rows as they would in a browser (800 px viewport, 60 px rows), instead of nothing or everything.
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1000 },
  offsetHeight: { configurable: true, get: () => 60 },
  offsetWidth: { configurable: true, get: () => 1000 },
  // Content height: children's inline heights (a virtual list's sized inner element), else 60 px each.
  scrollHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return Array.from(this.children).reduce((h, c) => h + (parseFloat((c as HTMLElement).style.height) || 60), 0);
    },
  },
});

// jsdom keeps scrollTop at 0; remember what was scrolled to (and announce it) so scroll-driven
// code — a list opening at its newest message — behaves as in a browser.
const scrollTops = new WeakMap<Element, number>();
Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
  configurable: true,
  get(this: HTMLElement) {
    return scrollTops.get(this) ?? 0;
  },
  set(this: HTMLElement, v: number) {
    scrollTops.set(this, Math.max(0, v));
    this.dispatchEvent(new Event('scroll'));
  },
});
HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, a?: ScrollToOptions | number, b?: number) {
  const top = typeof a === 'object' ? a.top : b;
  if (top !== undefined) this.scrollTop = top;
} as HTMLElement['scrollTo'];
