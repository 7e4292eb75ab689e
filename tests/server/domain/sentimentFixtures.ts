import { readFileSync } from 'node:fs';

/** The labelled sentiment fixture texts, one list per file: held-out then dev, each in en, pl, th, zh. */
export const FIXTURE_SETS: string[][] = ['sentiment', 'sentiment-dev'].flatMap((dir) =>
  ['en', 'pl', 'th', 'zh'].map((lang) =>
    (JSON.parse(readFileSync(`tests/fixtures/${dir}/${lang}.json`, 'utf8')) as { text: string }[]).map((s) => s.text),
  ),
);
