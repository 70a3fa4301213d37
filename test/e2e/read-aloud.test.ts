/**
 * Read-aloud on children's pages, in Chromium. Speech itself can't be heard here, so an init
 * script stands in for the browser's speechSynthesis and records what it is asked to say: the
 * page's own words, in the page's language, and nothing of the quick exit, header or footer.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, skipBrowser } from './browser.ts';
import { browserSuite } from './suite.ts';

/** What the page asked the synthesiser to do. */
interface Spoken {
  said: { text: string; lang: string }[];
  calls: string[];
}

/** Replaces speak, pause, resume and cancel with recorders; `voices` is what getVoices returns. */
const recordSpeech = (voices: { lang: string; name: string }[]) => `
  window.__speech = { said: [], calls: [] };
  const synth = window.speechSynthesis;
  synth.speak = (utterance) => {
    window.__speech.said.push({ text: utterance.text, lang: utterance.lang });
    window.__speech.calls.push('speak');
  };
  for (const name of ['pause', 'resume', 'cancel']) synth[name] = () => window.__speech.calls.push(name);
  synth.getVoices = () => ${JSON.stringify(voices)};
`;

/** A browser without speech synthesis. */
const noSpeech = 'delete window.speechSynthesis;';

const spoken = (page: Page) => page.evaluate('window.__speech') as Promise<Spoken>;

describe.skipIf(skipBrowser)('read-aloud in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  async function open(
    path: string,
    initScript: string,
    prepare?: (context: BrowserContext) => Promise<void>,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await phoneContext(suite.browser);
    await context.addInitScript({ content: initScript });
    await prepare?.(context);
    const page = await context.newPage();
    await page.goto(`${suite.portal.url}${path}`);
    return { context, page };
  }

  it.each([
    ['before its voices are known', []],
    ['with a voice for the page’s language', [{ lang: 'zh-CN', name: 'Tingting' }]],
  ])('offers the button on a children’s page when the browser can speak, %s', async (_when, voices) => {
    // Act
    const { context, page } = await open('/children/6-8/bullying/', recordSpeech(voices));

    // Assess
    await page.getByRole('button', { name: '朗读这一页' }).waitFor();
    expect(await page.getByRole('button', { name: '朗读这一页' }).isVisible()).toBe(true);
    await context.close();
  });

  it('moves nothing on the page when the button appears, however late its script arrives', async () => {
    // Prepare: every layout shift the page's own document makes, as Chromium scores them (CLS)
    const shifts = `
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    `;

    // Act: the script arrives a second after the page was painted, as on a slow phone network
    const { context, page } = await open(
      '/children/9-12/bullying/',
      recordSpeech([{ lang: 'zh-CN', name: 'Tingting' }]) + shifts,
      async (context) => {
        await context.route(/ReadAloud\.[^/]+\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          await route.continue();
        });
      },
    );
    await page.getByRole('button', { name: '朗读这一页' }).waitFor();
    await page.getByRole('navigation', { name: '按年龄阅读' }).waitFor();

    // Assess
    expect(await page.evaluate('window.__shifts')).toEqual([]);
    await context.close();
  });

  it('hides the button when the browser has no speech synthesis', async () => {
    // Act
    const { context, page } = await open('/children/6-8/bullying/', noSpeech);
    await page.waitForLoadState('load');

    // Assess
    expect(await page.evaluate("'speechSynthesis' in window")).toBe(false);
    expect(await page.getByRole('button', { name: '朗读这一页' }).count()).toBe(0);
    await context.close();
  });

  it('hides the button when the browser knows its voices and none speaks the page’s language', async () => {
    // Act
    const { context, page } = await open(
      '/children/6-8/bullying/',
      recordSpeech([{ lang: 'fr-FR', name: 'Amélie' }]),
    );
    await page.waitForLoadState('load');

    // Assess
    expect(await page.getByRole('button', { name: '朗读这一页' }).count()).toBe(0);
    await context.close();
  });

  it('reads the page’s own words in Chinese, and pauses and stops when asked', async () => {
    // Prepare: no voices listed, since a stand-in voice can't be given to a real utterance.
    const { context, page } = await open('/children/6-8/bullying/', recordSpeech([]));
    const title = (await page.locator('h1').textContent()) ?? '';

    // Act
    await page.getByRole('button', { name: '朗读这一页' }).click();
    const reading = await spoken(page);
    await page.getByRole('button', { name: '暂停' }).click();
    await page.getByRole('button', { name: '继续朗读' }).click();
    await page.getByRole('button', { name: '停止' }).click();
    const after = await spoken(page);

    // Assess
    expect(reading.said.length).toBeGreaterThan(3);
    expect(reading.said.every((utterance) => utterance.lang === 'zh-CN')).toBe(true);
    expect(reading.said[0]?.text).toBe(title.trim());
    const text = reading.said.map((utterance) => utterance.text).join('');
    for (const elsewhere of ['快速离开', '需要马上帮助', '朗读这一页', '按年龄阅读', '网站页面']) {
      expect(text).not.toContain(elsewhere);
    }
    expect(after.calls.slice(reading.calls.length)).toEqual(['pause', 'resume', 'cancel']);
    expect(await page.getByRole('button', { name: '朗读这一页' }).isVisible()).toBe(true);
    await context.close();
  });

  it('reads an English children’s page in English', async () => {
    // Prepare
    const { context, page } = await open('/en/children/9-12/bullying/', recordSpeech([]));

    // Act
    await page.getByRole('button', { name: 'Read this page aloud' }).click();
    const reading = await spoken(page);

    // Assess
    expect(reading.said.length).toBeGreaterThan(3);
    expect(reading.said.every((utterance) => utterance.lang === 'en')).toBe(true);
    expect(reading.said.map((utterance) => utterance.text).join(' ')).not.toContain('Exit this page');
    await context.close();
  });

  it('is not on pages for adults', async () => {
    // Act
    const { context, page } = await open('/learn/', recordSpeech([]));
    await page.waitForLoadState('load');

    // Assess
    expect(await page.locator('[data-read-aloud]').count()).toBe(0);
    await context.close();
  });
});
