import type { Page } from 'playwright-core';

/** Elements that show text a customer wrote (or their name): each must carry dir="auto". */
export const CUSTOMER_TEXT = [
  '.msg-body',
  '.msg .subject',
  '#thread-title',
  '.thread-row .customer-name',
  '.thread-row .preview',
  '.snippet',
  '.hit-name',
  '.merge-name',
  '.board-customer',
].join(', ');

/**
 * Layout faults visible on the current screen: a button whose label wraps onto a second line or
 * spills out of it, a select whose chosen option does not fit, a pane whose content sticks out
 * sideways, customer text without dir="auto".
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((customerText) => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.sr-only');
    };
    const said = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    for (const b of document.querySelectorAll('button')) {
      if (!shown(b)) continue;
      // A label that wraps: one run of text laid out on more than one line.
      let wrapped: string | null = null;
      const walk = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n && !wrapped; n = walk.nextNode()) {
        if (!n.textContent?.trim() || n.parentElement?.closest('.sr-only')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length < 2) continue;
        const height = Math.min(...rects.map((r) => r.height));
        const spread = Math.max(...rects.map((r) => r.top)) - Math.min(...rects.map((r) => r.top));
        if (spread > height * 0.6) wrapped = n.textContent.trim();
      }
      if (wrapped) out.push(`button "${said(b)}" wraps ("${wrapped}" on two lines)`);
      else if (b.scrollWidth > b.clientWidth + 1) out.push(`button "${said(b)}" overflows its box`);
    }
    const canvas = document.createElement('canvas').getContext('2d');
    for (const s of document.querySelectorAll('select')) {
      if (!shown(s) || !canvas || s.multiple) continue;
      const chosen = s.options[s.selectedIndex];
      if (!chosen) continue;
      const cs = getComputedStyle(s);
      canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const need = canvas.measureText(chosen.text).width;
      // Chromium draws the drop-down arrow inside the padding box, about 20 px wide.
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      if (need > room + 1) out.push(`select shows "${chosen.text}" clipped (${Math.round(need)} px in ${room} px)`);
    }
    // Panes of the workspace: nothing inside may stick out sideways (under the next pane).
    for (const pane of document.querySelectorAll(
      '.topbar, .workspace > *, .thread-layout > *, .thread > *, .report-table-wrap',
    )) {
      if (shown(pane) && pane.scrollWidth > pane.clientWidth + 1)
        out.push(`${pane.className || pane.tagName} is ${pane.scrollWidth - pane.clientWidth} px too wide`);
    }
    for (const el of document.querySelectorAll(customerText)) {
      if (el.getAttribute('dir') !== 'auto') out.push(`${el.className || el.tagName} "${said(el)}" has no dir=auto`);
    }
    return out;
  }, CUSTOMER_TEXT);
}
