import { describe, expect, it } from 'vitest';
import { LATIN_MARKS } from '#server/domain/sentiment/latinWords';

// The scorer skips work that cannot change its result; these are the facts each skip relies on.
describe('sentiment shortcuts', () => {
  it('no ASCII character is a telltale Latin letter, even case-insensitively (ASCII text skips them)', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    for (const [, re] of LATIN_MARKS) expect(ascii.match(new RegExp(re.source, 'giu'))).toBeNull();
  });

  it('text made only of characters below U+0300 is already NFC (tokenize skips normalising it)', () => {
    const chars = Array.from({ length: 0x300 }, (_, c) => String.fromCharCode(c));
    let changed = 0;
    for (const a of chars) for (const b of chars) if ((a + b).normalize('NFC') !== a + b) changed++;
    expect(changed).toBe(0);
  });
});
