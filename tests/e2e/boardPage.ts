// What the board specs share: a LINE webhook body as LINE posts it, and a board tile's value.
import type { Page } from 'playwright-core';

/** A LINE message event from a user, as LINE posts it. */
export function lineMessage(userId: string, id: string, text: string): string {
  return JSON.stringify({
    destination: 'U0123456789abcdef0123456789abcdef',
    events: [
      {
        type: 'message',
        message: { type: 'text', id, quoteToken: 'q', text },
        webhookEventId: `01H${id}`,
        deliveryContext: { isRedelivery: false },
        timestamp: Date.now(),
        source: { type: 'user', userId },
        replyToken: 'r',
        mode: 'active',
      },
    ],
  });
}

/** The value of a tile in a team's section of the board. */
export function tile(page: Page, team: string, label: string) {
  return page
    .getByRole('region', { name: team })
    .locator('.board-tile')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}
