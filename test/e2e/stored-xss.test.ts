/**
 * Stored XSS, in Chromium: script and markup typed into a report, the reporter's and the office's
 * messages, internal notes, a referral, workshop fields and a review comment, all sent through
 * the API, then read where staff and the reporter read them (the office console, the trainer
 * console, the follow-up page). Each payload must show as the text typed; no dialog may open, no
 * element of a payload may exist, no script of one may run, and the CSP must report nothing.
 * The public site's workshop pages are left to test/site (a publish rebuilds the whole site).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../site/src/i18n/t.ts';
import { allPayloads, markupPayloads } from '../support/markup-payloads.ts';
import { staffClient, submitted } from '../support/office.ts';
import { solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';
import { trainerClient } from '../support/trainer.ts';
import { sampleWorkshop } from '../support/workshops.ts';
import { launchBrowser, phoneContext, skipBrowser } from './browser.ts';
import { openFromQueue, signIn } from './office.ts';
import { pageIn } from './report-form.ts';
import { openWorkshop } from './workshop-console.ts';

const [script, img, svg, link, frame] = markupPayloads.map((p) => p.text) as [
  string,
  string,
  string,
  string,
  string,
];

/** What a page would show if a payload ever ran or became markup. */
interface Harm {
  dialogs: string[];
  cspViolations: string[];
}

/** Opens a phone page that records dialogs and CSP violations (events and console messages). */
async function watchedPage(
  browser: Browser,
  lang: string,
): Promise<{ page: Page; harm: Harm; close(): Promise<void> }> {
  const context = await phoneContext(browser, { locale: lang });
  const harm: Harm = { dialogs: [], cspViolations: [] };
  // A string, as it runs in the page: every CSP violation the page sees, kept for the test.
  await context.addInitScript({
    content:
      'window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => ' +
      'window.__csp.push(e.violatedDirective + " " + e.blockedURI));',
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    harm.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) harm.cspViolations.push(message.text());
  });
  return { page, harm, close: () => context.close() };
}

/** Asserts each of `texts` shows on `page` as text, and nothing of any payload ran or became markup. */
async function expectInert(page: Page, harm: Harm, texts: string[]): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what shows on screen is the point, not the DOM's text.
  const shown = await page.locator('body').innerText();
  for (const text of texts) expect(shown, text).toContain(text);
  for (const payload of markupPayloads) {
    if (payload.wouldCreate) expect(await page.locator(payload.wouldCreate).count(), payload.text).toBe(0);
  }
  const ran = await page.evaluate(() => {
    const record = globalThis as unknown as { __xss?: string; __csp: string[] };
    return { xss: record.__xss ?? null, csp: record.__csp };
  });
  expect(ran).toEqual({ xss: null, csp: [] });
  expect(harm).toEqual({ dialogs: [], cspViolations: [] });
}

describe.skipIf(skipBrowser)('stored script and markup in Chromium', () => {
  let runtime: SpawnedRuntime;
  let browser: Browser;
  let report: { ref: string; receipt: string };
  const title = img;
  /** The runtime as the console helpers take it. */
  const portal = {
    get url() {
      return runtime.url;
    },
    get dynamodbEndpoint() {
      return runtime.dynamodbEndpoint;
    },
    stop: async () => {},
  };

  beforeAll(async () => {
    [runtime, browser] = await Promise.all([spawnRuntime(), launchBrowser()]);
    // A report, the reporter's message, the office's reply, a note and a referral: all payloads.
    report = await submitted(runtime, {
      community: 'lanting',
      categories: ['neglect'],
      reporterRole: 'resident',
      childAgeBand: '0-7',
      immediateDanger: false,
      description: allPayloads(),
      location: svg,
      language: 'en',
    });
    const added = await fetch(`${runtime.url}/api/followup/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        receipt: report.receipt,
        body: frame,
        language: 'en',
        altcha: await solvedProof(runtime.url),
      }),
    });
    const lead = await staffClient(runtime, 'lead-lanting');
    const steps = [
      { action: 'acknowledge', priority: 'high' },
      { action: 'reply', body: script },
      { action: 'note', body: link },
      { action: 'refer', agency: 'civil-affairs', method: 'phone', on: '2026-11-28', contactPerson: img },
    ];
    const answers = [added.status];
    for (const [i, step] of steps.entries()) {
      answers.push((await lead.act(report.ref, { ...step, expectedVersion: i + 1 })).status);
    }
    // A workshop with payloads in its fields, sent back by a reviewer with a payload comment.
    const trainer = await trainerClient(runtime, 'trainer-lanting');
    const reviewer = await trainerClient(runtime, 'reviewer-lanting');
    const workshop = {
      ...sampleWorkshop('en'),
      title,
      summary: allPayloads(300),
      objectives: [script, svg],
      agenda: [
        { minutes: 30, activity: frame },
        { minutes: 30, activity: link },
      ],
      materials: [img],
      facilitatorNotes: allPayloads(),
      safeguardingNotes: allPayloads(),
      handout: allPayloads(),
    };
    const created = await trainer.send('POST', '/api/trainer/workshops', { workshop, sessions: [] });
    const id = created.body?.id;
    answers.push(created.status, (await trainer.act(id, { action: 'submit', version: 1 })).status);
    answers.push((await reviewer.act(id, { action: 'return', version: 2, comment: svg })).status);
    expect(answers).toEqual([201, 200, 200, 200, 200, 201, 200, 200]);
  });

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  it('shows the report, its thread, notes and referral as typed in the office console, and runs none of it', async () => {
    const { page, harm, close } = await watchedPage(browser, 'en');
    try {
      // Act
      await signIn(page, portal, 'lead-lanting', 'en');
      await page.getByRole('button', { name: t('en', 'office.queue.refresh') }).click();
      await openFromQueue(page, report.ref);
      await page.locator('.message--reporter').waitFor();
      // Assess
      await expectInert(page, harm, [
        script,
        img,
        svg,
        link,
        frame,
        ...markupPayloads.slice(5).map((p) => p.text),
      ]);
    } finally {
      await close();
    }
  });

  it("shows the office's reply and the reporter's own message as typed on the follow-up page, and runs none of it", async () => {
    const { page, harm, close } = await watchedPage(browser, 'en');
    try {
      // Act
      await page.goto(`${runtime.url}${pageIn('en', '/follow-up/')}`);
      await page.locator('#input-receipt').fill(report.receipt);
      await page.getByRole('button', { name: t('en', 'followUp.open') }).click();
      await page.locator('.message--office').waitFor();
      // Assess
      await expectInert(page, harm, [script, frame]);
    } finally {
      await close();
    }
  });

  it("shows a workshop's fields and the reviewer's comment as typed in the trainer console, and runs none of it", async () => {
    const { page, harm, close } = await watchedPage(browser, 'en');
    try {
      // Act
      await signIn(page, portal, 'trainer-lanting', 'en');
      await openWorkshop(page, title);
      // Assess: the comment and title as text; the fields hold exactly what was typed.
      await expectInert(page, harm, [title, svg]);
      const values = await page
        .locator('[data-workshop-form] input, [data-workshop-form] textarea')
        .evaluateAll((fields) => fields.map((field) => (field as unknown as { value: string }).value));
      for (const text of [script, frame, link, allPayloads(300), allPayloads()])
        expect(values, text).toContain(text);
    } finally {
      await close();
    }
  });
});
