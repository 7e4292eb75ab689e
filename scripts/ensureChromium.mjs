// Before browser tests: make sure Debian's Chromium is there (installing it with apt-get when we can),
// so `npm test` is the only command a newcomer needs after cloning.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without CJK and Thai fonts Chinese and Thai screenshots show boxes instead of text.
const hasFonts = (lang) =>
  spawnSync('sh', ['-c', `fc-list :lang=${lang} | grep -q .`], { stdio: 'ignore' }).status === 0;
const fontsOk = hasFonts('zh-cn') && hasFonts('th');
if (existsSync(path) && fontsOk) process.exit(0);

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (hasAptGet && (isRoot || hasSudo)) {
  console.log(`[test] installing Debian's chromium and CJK/Thai fonts with apt-get (chromium or fonts missing)…`);
  const sudo = isRoot ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env });
  if (
    run(['apt-get', 'update', '-qq']).status === 0 &&
    run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'fonts-thai-tlwg']).status === 0 &&
    existsSync(path)
  ) {
    process.exit(0);
  }
}
if (existsSync(path)) {
  console.warn('[test] CJK/Thai fonts are missing: Chinese and Thai screenshots will show boxes.');
  process.exit(0);
}
console.error(
  `[test] Browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
);
process.exit(1);
