/**
 * `npm run screenshots`: every kind of page, in both languages, at 360 px (a phone) and 1280 px
 * (a desktop), from the local runtime in Debian's Chromium, into docs/screenshots/ with an index
 * page, for a person to look at. Not a test: it asserts nothing. Pictures are at one device pixel
 * per CSS pixel and cut off at a few screens' height, so each stays a few hundred KB.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { deployment } from '../functions/config.ts';
import type { Language } from '../functions/domain/languages.ts';
import { ensureSiteBuilt, repoRoot } from '../infra/site-build.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startPortal } from '../test/e2e/portal.ts';
import { pageIn } from '../test/e2e/report-form.ts';

declare const document: { documentElement: { scrollHeight: number } };

const outDir = join(repoRoot, 'docs', 'screenshots');

/** The two screens, and how much of a long page each picture keeps. */
const screens = [
  { name: 'phone', width: 360, height: 740, mobile: true, keep: 3200 },
  { name: 'desktop', width: 1280, height: 800, mobile: false, keep: 2000 },
] as const;

/** One kind of page: where it is, and what to do there before the picture. */
interface Shot {
  name: string;
  what: string;
  path: string;
  /** Brings the page to the state worth showing. */
  prepare?: (page: Page, lang: Language) => Promise<void>;
}

const searchFor: Record<Language, string> = { 'zh-CN': '欺凌', en: 'bullying' };

const shots: Shot[] = [
  { name: 'home', what: 'Home', path: '/' },
  { name: 'children', what: "Children's landing page", path: '/children/' },
  { name: 'children-6-8-my-body', what: "Children's topic, 6–8", path: '/children/6-8/my-body/' },
  { name: 'children-9-12-bullying', what: "Children's topic, 9–12", path: '/children/9-12/bullying/' },
  {
    name: 'children-13-17-online-safety',
    what: "Children's topic, 13–17",
    path: '/children/13-17/online-safety/',
  },
  { name: 'learn', what: "Residents' guides", path: '/learn/' },
  {
    name: 'learn-when-a-child-tells-you',
    what: "A residents' guide",
    path: '/learn/when-a-child-tells-you/',
  },
  {
    name: 'professionals-mandatory-reporting',
    what: 'Professionals: mandatory reporting',
    path: '/professionals/mandatory-reporting/',
  },
  { name: 'rights', what: 'Rights and law', path: '/rights/' },
  { name: 'help', what: 'Get help', path: '/help/' },
  { name: 'about-privacy', what: 'About: privacy', path: '/about/privacy/' },
  {
    name: 'search',
    what: 'Search, with results',
    path: '/search/',
    prepare: async (page, lang) => {
      await page.locator('input[type="search"], .search-form__input').first().fill(searchFor[lang]);
      await page.locator('.search-form__submit').click();
      await page.locator('[data-search-list] > li').first().waitFor({ timeout: 15_000 });
    },
  },
  { name: 'report', what: 'Report a concern', path: '/report/' },
  { name: 'follow-up', what: 'Follow up a report', path: '/follow-up/' },
  {
    name: 'transparency',
    what: 'Transparency',
    path: '/transparency/',
    prepare: (page) => page.locator('[data-figures] table, .transparency__status').first().waitFor(),
  },
];

/** Takes one picture; the file's name, or undefined when the page is not there to take. */
async function take(
  browser: Browser,
  base: string,
  shot: Shot,
  lang: Language,
  screen: (typeof screens)[number],
) {
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: 1,
    isMobile: screen.mobile,
    hasTouch: screen.mobile,
    locale: lang,
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${base}${pageIn(lang, shot.path)}`);
    if (response?.status() !== 200) {
      console.warn(`  ${pageIn(lang, shot.path)}: ${response?.status()}, skipped`);
      return undefined;
    }
    await shot.prepare?.(page, lang);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const file = `${shot.name}-${lang}-${screen.width}.png`;
    await page.screenshot({
      path: join(outDir, file),
      fullPage: true,
      clip: { x: 0, y: 0, width: screen.width, height: Math.min(height, screen.keep) },
      animations: 'disabled',
    });
    return file;
  } finally {
    await context.close();
  }
}

await ensureSiteBuilt();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const portal = await startPortal();
const browser = await launchBrowser();
const index = [
  '# Screenshots',
  '',
  'Every kind of page in both languages, at 360 px (a phone) and 1280 px (a desktop), made by ' +
    '`npm run screenshots` from the local runtime in Chromium. Long pages are cut off at ' +
    `${screens[0].keep} px (phone) and ${screens[1].keep} px (desktop).`,
  '',
  `| page | ${deployment.languages.flatMap((lang) => screens.map((s) => `${lang}, ${s.width} px`)).join(' | ')} |`,
  `|---|${deployment.languages.flatMap(() => screens.map(() => '---')).join('|')}|`,
];
try {
  for (const shot of shots) {
    console.log(`${shot.what}…`);
    const cells: string[] = [];
    for (const lang of deployment.languages) {
      for (const screen of screens) {
        const file = await take(browser, portal.url, shot, lang, screen);
        cells.push(file ? `[${screen.name}](${file})` : '—');
      }
    }
    index.push(`| ${shot.what}: \`${shot.path}\` | ${cells.join(' | ')} |`);
  }
} finally {
  await browser.close();
  await portal.stop();
}
writeFileSync(join(outDir, 'README.md'), `${index.join('\n')}\n`);
console.log(`Wrote ${readdirSync(outDir).length - 1} pictures to ${outDir}`);
