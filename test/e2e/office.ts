/**
 * Working the office console in Chromium as staff do: signing in through the local identity
 * provider's real sign-in page, opening reports from the queue, taking actions through their
 * forms, and signing out through the provider. Words come from the same UI strings as the page.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../functions/domain/languages.ts';
import type { ActionName } from '../../functions/domain/workflow.ts';
import { developmentPassword } from '../../infra/local/identity/accounts.ts';
import { t } from '../../site/src/i18n/t.ts';
import { postReport, solvedProof } from '../support/proof.ts';
import { phoneContext } from './browser.ts';
import { type Portal, storedReport } from './portal.ts';
import { pageIn, uniqueText } from './report-form.ts';

/** The seeded staff accounts the tests sign in as. */
export type StaffName =
  | 'office-lanting'
  | 'lead-lanting'
  | 'trainer-lanting'
  | 'reviewer-lanting'
  | 'office-wutong';

/** A staff member's own browser: a phone (360 px) unless a desk (1280 px) is asked for. */
export async function staffBrowser(
  browser: Browser,
  lang: Language,
  size: 'phone' | 'desk' = 'phone',
): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    size === 'phone'
      ? await phoneContext(browser, { locale: lang })
      : await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
  return { context, page: await context.newPage() };
}

/** The console's address in a language. */
export function consoleUrl(portal: Portal, lang: Language): string {
  return `${portal.url}${pageIn(lang, '/office/')}`;
}

/**
 * Opens the console, presses Sign in, signs in on the provider's page with the shared
 * development password, and waits until the console shows the first screen.
 */
export async function signIn(page: Page, portal: Portal, username: StaffName, lang: Language): Promise<void> {
  await page.goto(consoleUrl(portal, lang));
  await page.getByRole('button', { name: t(lang, 'office.signIn'), exact: true }).click();
  const signedIn = page.locator(
    '[data-view="signed-in"]:not([hidden]), [data-view="staff-only"]:not([hidden])',
  );
  // The provider remembers who signed in on this browser: then it sends them straight back.
  await page.locator('#username').or(signedIn).waitFor();
  if (await page.locator('#username').isVisible()) {
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(developmentPassword);
    await page.locator('button[type="submit"]').click();
  }
  await page.waitForURL((url) => url.href.startsWith(consoleUrl(portal, lang)));
  await page
    .locator('[data-view="signed-in"]:not([hidden]), [data-view="staff-only"]:not([hidden])')
    .waitFor();
}

/** The queue's rows, and the one for `ref`. */
export function queueRow(page: Page, ref: string): Locator {
  return page.locator('.queue-item').filter({ has: page.getByRole('link', { name: ref, exact: true }) });
}

/**
 * Waits until the list on a screen that is shown has loaded. A screen marks its list busy the
 * moment it is shown, so this never passes on the list it had before; and a click on a row the
 * list is replacing would be lost.
 */
export async function listLoaded(page: Page, screen: string, list: string): Promise<void> {
  await page
    .locator(`[data-screen="${screen}"]:not([hidden]) [${list}][aria-busy="false"]`)
    .waitFor({ state: 'attached' });
}

/** The refs in the queue, top first, once it has loaded. */
export async function queueRefs(page: Page): Promise<string[]> {
  await listLoaded(page, 'queue', 'data-queue');
  return page.locator('.queue-item__ref').allTextContents();
}

/** Opens a report from its row in the queue, once the queue has loaded, and waits until it is shown. */
export async function openFromQueue(page: Page, ref: string): Promise<void> {
  await listLoaded(page, 'queue', 'data-queue');
  await queueRow(page, ref).getByRole('link', { name: ref, exact: true }).click();
  await page.locator('[data-report-body]:not([hidden]):not([aria-busy="true"])').waitFor();
}

/** Goes to a screen by its address, as a bookmark or a typed link would. */
export async function goToScreen(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = to;
  }, hash);
}

/** The form of an action on the open report, opened. */
export async function actionForm(page: Page, action: ActionName): Promise<Locator> {
  const details = page.locator(`[data-action="${action}"]`);
  await details.locator('summary').click();
  return details.locator('form');
}

/**
 * Takes an action on the open report: opens its form, lets `fill` fill it, sends it, and waits
 * for the console to say it was saved.
 */
export async function act(
  page: Page,
  lang: Language,
  action: ActionName,
  fill: (form: Locator) => Promise<unknown> = async () => {},
): Promise<void> {
  const form = await actionForm(page, action);
  await fill(form);
  await form.locator('button[type="submit"]').click();
  const saved = t(lang, 'office.actions.saved', { action: t(lang, `office.action.${action}` as const) });
  await expect.poll(() => page.locator('[data-actions-status]').textContent()).toBe(saved);
}

/** Signs out from the console and confirms on the provider's page, back to the signed-out console. */
export async function signOut(page: Page, portal: Portal, lang: Language): Promise<void> {
  await page.locator('[data-sign-out]:visible').click();
  // The provider asks to confirm (its page); the console then says it is signed out.
  await page.locator('button[name="logout"]').click();
  await page.waitForURL((url) => url.href.startsWith(consoleUrl(portal, lang)));
  await expect
    .poll(() => page.locator('[data-session-message]').textContent())
    .toBe(t(lang, 'office.session.signedOut'));
}

/**
 * Sends a report straight to the API, as the report page would, and finds its office reference
 * in the table: for tests about the console rather than about the form.
 */
export async function seedReport(
  portal: Portal,
  fields: Record<string, unknown> = {},
): Promise<{ receipt: string; ref: string; description: string }> {
  const description = uniqueText(String(fields.description ?? 'A child downstairs is often alone at night'));
  const response = await postReport(portal.url, {
    community: 'lanting',
    categories: ['neglect'],
    reporterRole: 'resident',
    childAgeBand: '8-13',
    immediateDanger: false,
    language: 'zh-CN',
    ...fields,
    description,
  });
  if (response.status !== 201) throw new Error(`the report was refused: ${response.status}`);
  const { receipt } = (await response.json()) as { receipt: string };
  const ref = String((await storedReport(portal.dynamodbEndpoint, description)).ref);
  return { receipt, ref, description };
}

/** The reporter adds information with their receipt, as /follow-up/ would send it. */
export async function reporterWrites(portal: Portal, receipt: string, body: string): Promise<void> {
  const response = await fetch(`${portal.url}/api/followup/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt, body, language: 'zh-CN', altcha: await solvedProof(portal.url) }),
  });
  if (response.status !== 201) throw new Error(`the message was refused: ${response.status}`);
}

/**
 * A report with something in every part, worked by whoever is signed in on `page` (a lead, to
 * be offered every action): acknowledged, replied to, noted, referred, then answered by the
 * reporter. Leaves the report open on `page`.
 */
export async function workedReport(page: Page, portal: Portal, lang: Language): Promise<string> {
  const { ref, receipt } = await seedReport(portal, {
    categories: ['neglect', 'physical_abuse'],
    childAgeBand: '0-7',
    ongoing: 'yes',
    location: lang === 'en' ? 'Building 4, Lanting Road' : '兰亭路 4 号楼',
    description:
      lang === 'en'
        ? 'The boy downstairs is often home alone until late.\nLast week he had a bruise on his arm.'
        : '楼下的男孩经常一个人在家到很晚。\n上周他的手臂上有一块淤青。',
  });
  await page.getByRole('button', { name: t(lang, 'office.queue.refresh') }).click();
  await openFromQueue(page, ref);
  await act(page, lang, 'acknowledge', (form) =>
    form.getByLabel(t(lang, 'office.field.priority')).selectOption('high'),
  );
  await act(page, lang, 'reply', (form) =>
    form
      .getByLabel(t(lang, 'office.action.reply.label'))
      .fill(lang === 'en' ? 'Thank you. Is he alone tonight?' : '谢谢您。他今晚是一个人吗？'),
  );
  await act(page, lang, 'note', (form) =>
    form
      .getByLabel(t(lang, 'office.action.note.label'))
      .fill(
        lang === 'en'
          ? 'Called the school; the teacher saw the bruise too.'
          : '已联系学校，老师也看到了淤青。',
      ),
  );
  await act(page, lang, 'refer', (form) =>
    form.getByLabel(t(lang, 'office.action.refer.contactPerson')).fill('Wang Fang'),
  );
  await reporterWrites(portal, receipt, lang === 'en' ? 'Yes, the lights were off.' : '是的，灯一直关着。');
  await page.getByRole('button', { name: t(lang, 'office.report.reload') }).click();
  await page.locator('.message--reporter').waitFor();
  return ref;
}
