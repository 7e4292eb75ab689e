import { describe, it, expect } from 'vitest';
import { formatDuration, waitingMs } from '#shared/metrics/formatDuration';

const S = 1000;
const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

// Expected strings are CLDR data shipped with Node 20's full ICU.
describe('formatDuration', () => {
  it('shows the two largest units, truncated (English, narrow)', () => {
    expect(formatDuration(45 * S, 'en')).toBe('45s');
    expect(formatDuration(3 * MIN + 59 * S, 'en')).toBe('3m');
    expect(formatDuration(2 * H + 5 * MIN, 'en')).toBe('2h 5m');
    expect(formatDuration(2 * H, 'en')).toBe('2h');
    expect(formatDuration(D + 4 * H + 59 * MIN, 'en')).toBe('1d 4h');
    expect(formatDuration(2 * H + 59 * MIN + 59 * S, 'en')).toBe('2h 59m');
    expect(formatDuration(0, 'en')).toBe('0s');
    expect(formatDuration(-3 * MIN, 'en')).toBe('-3m');
  });

  it('offers the short style', () => {
    expect(formatDuration(2 * H + 5 * MIN, 'en', 'short')).toBe('2 hr, 5 min');
  });

  it('is localised in Thai, Polish and Chinese', () => {
    expect(formatDuration(2 * H + 5 * MIN, 'zh-CN')).toBe('2小时5分钟');
    expect(formatDuration(D + 4 * H, 'zh-CN')).toBe('1天4小时');
    const thai = formatDuration(2 * H + 5 * MIN, 'th');
    expect(thai).toContain('ชม.');
    expect(thai).toContain('นาที');
    const polish = formatDuration(D + 4 * H, 'pl', 'short');
    expect(polish).toContain('dzień');
    expect(polish).toContain('godz.');
  });
});

describe('waitingMs', () => {
  it('is 0 when not waiting or when clocks disagree', () => {
    expect(waitingMs(null, 10 * MIN)).toBe(0);
    expect(waitingMs(20 * MIN, 10 * MIN)).toBe(0);
    expect(waitingMs(4 * MIN, 10 * MIN)).toBe(6 * MIN);
  });
});
