import { describe, expect, it } from 'vitest';
import { splitOf, weiboClauses } from '#scripts/sentiment/weibo';

// Rows in the corpus's layout (id, tag, then tokens between markers), written for this test.
const row = (id: string, tag: string, ...tokens: string[]) =>
  [
    id,
    tag,
    'beg_preclause',
    'end_preclause',
    'beg_curclause',
    ...tokens,
    'end_curclause',
    'beg_sufclause',
    'end_sufclause',
  ].join('\t');

const TSV = [
  row('12-0', '快乐', '今天', '很', '开心', 'face_哈哈'),
  row('12-1', 'No_emotion', '回复', '@user', ':', 'ok', 'thanks'),
  row('12-2', '愤怒+负面', '气', '死', '了'),
  row('12-3', '中性', '唉'),
  row('12-4', '正面+负面', '又', '爱', '又', '恨'),
  row('12-5', 'No_emotion', '，'),
  ['12-6', 'Y', 'beg_cause', '因为', 'end_cause', 'beg_emotionkeyword', '开心', 'end_emotionkeyword'].join('\t'),
  row('15-0', '悲伤', '好', '难过'),
  row('16-0', '正面', '赞'),
].join('\n');

describe('Weibo emotion corpus loader', () => {
  it('maps clause emotions to polarity and drops neutral-emotion, mixed, empty and cause rows', () => {
    const parts = weiboClauses(TSV);
    expect(parts.train).toEqual([
      { text: '今天很开心[哈哈]', label: 'positive' },
      { text: '回复@user:ok thanks', label: 'neutral' },
      { text: '气死了', label: 'negative' },
    ]);
    expect(parts.heldOut).toEqual([{ text: '好难过', label: 'negative' }]);
    expect(parts.tune).toEqual([{ text: '赞', label: 'positive' }]);
  });

  it('splits by post number: a fifth held out for evaluation, a fifth for tuning', () => {
    const parts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(splitOf);
    expect(parts.filter((p) => p === 'heldOut')).toHaveLength(2);
    expect(parts.filter((p) => p === 'tune')).toHaveLength(2);
    expect(parts.filter((p) => p === 'train')).toHaveLength(6);
  });
});
