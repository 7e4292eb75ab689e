// Before browser tests: make sure Debian's Chromium is there (installing it with apt-get when we can),
// so `npm test` is the only command a newcomer needs after cloning.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without CJK, Thai and colour-emoji fonts Chinese, Thai and emoji show as boxes in screenshots.
const has = (query) => spawnSync('sh', ['-c', `${query} | grep -q .`], { stdio: 'ignore' }).status === 0;
const fontsOk = has('fc-list :lang=zh-cn') && has('fc-list :lang=th') && has('fc-list | grep -i emoji');
if (existsSync(path) && fontsOk) process.exit(0);

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (hasAptGet && (isRoot || hasSudo)) {
  console.log(`[test] installing Debian's chromium and CJK/Thai/emoji fonts with apt-get (chromium or fonts missing)…`);
  const sudo = isRoot ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env });
  if (
    run(['apt-get', 'update', '-qq']).status === 0 &&
    run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'fonts-thai-tlwg', 'fonts-noto-color-emoji'])
      .status === 0 &&
    existsSync(path)
  ) {
    process.exit(0);
  }
}
if (existsSync(path)) {
  console.warn('[test] CJK/Thai/emoji fonts are missing: Chinese, Thai and emoji in screenshots will show boxes.');
  process.exit(0);
}
console.error(
  `[test] Browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
);
process.exit(1);
