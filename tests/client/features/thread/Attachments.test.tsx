import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Attachments } from '#client/features/thread/Attachments';
import { renderWith, textOf } from '#tests/client/helpers/harness';

describe('attachments', () => {
  it('labels a voicemail recording for people, never with its provider id, and keeps real file names', () => {
    renderWith(
      <Attachments
        proxyBase="/api/messages/7/attachments"
        items={[
          {
            kind: 'audio',
            url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE8f3a',
            providerMediaId: 'RE8f3a',
            name: 'voicemail-RE8f3a',
          },
          { kind: 'file', url: 'https://example.com/f.pdf', name: 'faktura-0042.pdf', providerMediaId: 'm-1' },
        ]}
      />,
    );
    const list = screen.getByRole('list');
    expect(textOf(list)).toContain('Voicemail recording');
    expect(textOf(list)).not.toContain('RE8f3a');
    expect(textOf(list)).toContain('faktura-0042.pdf');
  });
});
