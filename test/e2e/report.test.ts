/**
 * Sending a concern report in Chromium, as a resident or a child on a phone would, in both
 * languages: with JavaScript (the proof of work solved by the page's own worker) and without
 * it (the plain form and the pages the function answers with), the receipt shown once, the
 * server's messages next to their fields, and nothing lost when the connection drops.
 */
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { bindingFor } from '../../functions/domain/proof-of-work.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { recordRequests, storedReport, storedReports } from './portal.ts';
import { fillReport, pageIn, residentAnswers, uniqueText } from './report-form.ts';
import { browserSuite } from './suite.ts';

/** The `altcha` field of a sent report, decoded as altcha's widget encodes it. */
function decodeAltcha(body: Record<string, unknown>) {
  return JSON.parse(Buffer.from(String(body.altcha), 'base64').toString('utf8')) as {
    challenge: { parameters: { data?: { for?: string }; expiresAt: number } };
    solution: { counter: number; derivedKey: string };
  };
}

describe.skipIf(skipBrowser)('report page in Chromium', () => {
  const suite = browserSuite();

  describe.each(languages)('in %s', (lang) => {
    const receiptTitle = t(lang, 'report.receipt.title');

    it('sends a report with a proof of work solved in the worker, and shows its receipt, which the office can find', async () => {
      const { page, portal, context } = suite;

      // Prepare
      const requests = recordRequests(context);
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      const answers = { ...residentAnswers(lang), location: lang === 'en' ? 'Building 3' : '兰亭路 3 号楼' };
      await fillReport(page, lang, { ...answers, ongoing: 'yes' });
      const sent = page.waitForRequest('**/api/reports');

      // Act
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();
      const receiptPanel = page.getByRole('region', { name: receiptTitle });
      await receiptPanel.waitFor();

      // Assess: the receipt, large and alone, with the focus on it and the way back offered
      const digits = (await page.locator('.receipt__group').allTextContents()).join(' ');
      expect(digits).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      await expect.poll(() => page.evaluate(focusedId)).toBe('receipt');
      expect(await receiptPanel.textContent()).toContain(t(lang, 'report.receipt.noRecovery'));
      expect(
        await receiptPanel
          .getByRole('link', { name: t(lang, 'report.receipt.followUp') })
          .getAttribute('href'),
      ).toBe(pageIn(lang, '/follow-up/'));
      expect(await page.locator('form[data-report-form]').isHidden()).toBe(true);

      // Assess: the proof was solved by the site's worker, for this submission's key
      const request = await sent;
      const key = request.headers()['idempotency-key'] ?? '';
      const proof = decodeAltcha(request.postDataJSON());
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(proof.challenge.parameters.data?.for).toBe(bindingFor(key));
      expect(proof.solution.derivedKey).toMatch(/^[0-9a-f]+$/);
      expect(requests.some((url) => /\/_astro\/pow-worker[-.][\w-]+\.js$/.test(url))).toBe(true);

      // Assess: it landed, with what was typed and nothing that was not
      const stored = await storedReport(portal.dynamodbEndpoint, answers.description);
      expect(stored).toMatchObject({
        community: 'lanting',
        categories: ['neglect'],
        reporterRole: 'resident',
        childAgeBand: '0-7',
        immediateDanger: false,
        location: answers.location,
        ongoing: 'yes',
        language: lang,
        status: 'new',
      });
      expect(stored).not.toHaveProperty('contact');
      expect(JSON.stringify(stored)).not.toContain(digits.replace(/ /g, ''));
    });

    it('keeps everything typed when the answer is lost, and "Send again" shows the same receipt', async () => {
      const { page, portal, context } = suite;

      // Prepare: the first answer is lost on the way back, after the server has saved the report
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      const answers = residentAnswers(lang, 'wutong');
      await fillReport(page, lang, answers);
      const attempts: { key: string; altcha: unknown }[] = [];
      let firstReceipt = '';
      await context.route('**/api/reports', async (route) => {
        const request = route.request();
        attempts.push({
          key: request.headers()['idempotency-key'] ?? '',
          altcha: request.postDataJSON().altcha,
        });
        if (attempts.length > 1) return route.continue();
        firstReceipt = (await (await route.fetch()).json()).receipt;
        await route.abort('internetdisconnected');
      });

      // Act
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();
      const failed = page.locator('#send-failed');
      await failed.waitFor();

      // Assess: said plainly, focused, with the text still there
      expect(await failed.textContent()).toContain(t(lang, 'report.failed.title'));
      await expect.poll(() => page.evaluate(focusedId)).toBe('send-failed');
      expect(await page.locator('#input-description').inputValue()).toBe(answers.description);

      // Act
      await page.getByRole('button', { name: t(lang, 'report.failed.retry') }).click();
      await page.getByRole('region', { name: receiptTitle }).waitFor();

      // Assess: the same key and proof both times, the first attempt's receipt, one report
      const digits = (await page.locator('.receipt__group').allTextContents()).join(' ');
      expect(attempts).toHaveLength(2);
      expect(attempts[1]).toEqual(attempts[0]);
      expect(digits).toBe(firstReceipt);
      await storedReport(portal.dynamodbEndpoint, answers.description);
    });

    it("speaks to a child who says they are one, lets them skip what they don't know, and explains the receipt simply", async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      const welcome = page.locator('.child-welcome');
      expect(await welcome.isVisible()).toBe(false);
      const description = uniqueText(
        lang === 'en'
          ? 'Some older kids take my money every day after school'
          : '每天放学都有高年级的同学拦住我要钱',
      );

      // Act: only who is telling, the community and what happened
      await fillReport(page, lang, { role: 'child_self', community: 'wutong', description });

      // Assess: warm words, the child's questions, and "you can skip this"
      expect(await welcome.isVisible()).toBe(true);
      const words = await welcome.textContent();
      expect(words).toContain(t(lang, 'report.child.welcome'));
      expect(words).toContain(t(lang, 'report.child.notYourFault'));
      expect(words).toContain(t(lang, 'report.child.asMuch'));
      expect(await welcome.getByText(t(lang, 'report.child.skip')).isVisible()).toBe(true);
      expect(await welcome.getByText(t(lang, 'report.child.noScript')).isVisible()).toBe(false);
      expect(await page.getByRole('textbox', { name: t(lang, 'report.child.description') }).isVisible()).toBe(
        true,
      );
      expect(await page.getByRole('group', { name: t(lang, 'report.child.categories') }).isVisible()).toBe(
        true,
      );

      // Act
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();
      const receiptPanel = page.getByRole('region', { name: receiptTitle });
      await receiptPanel.waitFor();

      // Assess: the receipt explained as to a child; the contract's gaps filled honestly
      expect(await receiptPanel.getByText(t(lang, 'report.receipt.childKey')).isVisible()).toBe(true);
      expect(await receiptPanel.getByText(t(lang, 'report.receipt.childThanks')).isVisible()).toBe(true);
      expect(await storedReport(portal.dynamodbEndpoint, description)).toMatchObject({
        reporterRole: 'child_self',
        categories: ['other'],
        childAgeBand: 'unknown',
      });
    });
  });

  it('shows the receipt only once: coming back to the page does not show it again', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);
    await fillReport(page, 'zh-CN', {
      ...residentAnswers('zh-CN'),
      description: uniqueText('小区门口常有一个孩子在乞讨'),
    });
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Act
    await page.getByRole('link', { name: '我已经记下了，返回首页' }).click();
    await page.waitForURL(`${portal.url}/`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '报告对孩子的担忧' }).waitFor();

    // Assess
    expect(await page.locator('#receipt').isVisible()).toBe(false);
    expect(await page.locator('.receipt__group').count()).toBe(0);
  });

  it('shows "call 110 now" at the top of the screen as soon as "in danger" is ticked, before sending', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);
    const call = page.getByRole('link', { name: '现在拨打 110' });
    expect(await call.isVisible()).toBe(false);

    // Act
    await page.getByLabel('是的，孩子现在有危险').check();

    // Assess: visible, at the top of the viewport, a tel: link, announced
    await call.waitFor();
    const box = await call.boundingBox();
    expect(box?.y).toBeLessThan(200);
    expect(await call.getAttribute('href')).toBe('tel:110');
    expect(await page.locator('[data-danger-now]').getAttribute('role')).toBe('alert');

    // Act: unticked, it goes away
    await page.getByLabel('是的，孩子现在有危险').uncheck();

    // Assess
    expect(await call.isVisible()).toBe(false);
  });

  it("puts the server's message next to the field, and the corrected report goes with the same key", async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);
    await fillReport(page, 'zh-CN', { ...residentAnswers('zh-CN'), description: '太短了' });
    const before = (await storedReports(portal.dynamodbEndpoint)).length;
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/reports')) keys.push(request.headers()['idempotency-key'] ?? '');
    });

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    const fieldError = page.locator('#error-description');
    await fieldError.waitFor();

    // Assess: the message by the field, in Chinese, and the summary focused
    expect(await fieldError.textContent()).toContain('发生了什么：请至少写 10 个字');
    expect(await page.getByLabel('发生了什么').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(focusedId)).toBe('error-summary');
    expect(await page.locator('#error-summary').textContent()).toContain('请修改以下内容');
    expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(before);

    // Act: the summary's link takes you to the field
    await page.locator('#error-summary a').first().click();

    // Assess
    await expect.poll(() => page.evaluate(focusedId)).toBe('input-description');
    expect(page.url()).toBe(`${portal.url}/report/`);

    // Act: corrected and sent again
    const description = uniqueText('孩子身上经常有伤，说是自己摔的');
    await page.getByLabel('发生了什么').fill(description);
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Assess: nothing was written the first time, so the same key carries the report
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await storedReport(portal.dynamodbEndpoint, description);
  });

  it('gets a new proof and sends again by itself when the server refuses the proof', async () => {
    const { page, portal } = suite;

    // Prepare: the first attempt's proof is refused, as an expired one would be
    await page.goto(`${portal.url}/report/`);
    const answers = { ...residentAnswers('zh-CN', 'wutong'), description: uniqueText('孩子晚上在街上卖花') };
    await fillReport(page, 'zh-CN', answers);
    const attempts: { key: string; altcha: string }[] = [];
    await page.route('**/api/reports', async (route) => {
      const request = route.request();
      attempts.push({
        key: request.headers()['idempotency-key'] ?? '',
        altcha: request.postDataJSON().altcha,
      });
      if (attempts.length > 1) return route.continue();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'proof_of_work', message: '安全验证没有通过或已过期，请再发送一次。' }),
      });
    });

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Assess: a second proof for the same key, sent without the person doing anything
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.key).toBe(attempts[0]?.key);
    expect(attempts[1]?.altcha).not.toBe(attempts[0]?.altcha);
    expect(await page.locator('#send-failed').isVisible()).toBe(false);
    await storedReport(portal.dynamodbEndpoint, answers.description);
  });

  it('says it is finishing a security check when Send is pressed before the proof is solved', async () => {
    const { page, portal } = suite;

    // Prepare: the challenge is slow to come, so the proof can't be ready when Send is pressed
    await page.route('**/api/challenge**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${portal.url}/report/`);
    await fillReport(page, 'zh-CN', {
      ...residentAnswers('zh-CN'),
      description: uniqueText('孩子经常饿着肚子上学'),
    });

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();

    // Assess: a small note while waiting, then the receipt
    const note = page.locator('[data-proof-note]');
    await expect.poll(() => note.textContent()).toContain('安全检查');
    expect(await note.getAttribute('role')).toBe('status');
    await page.getByRole('region', { name: '报告已收到' }).waitFor();
    expect(await note.textContent()).toBe('');
  });

  it("sends the plain form instead when this browser's worker can't run, so the report still arrives", async () => {
    const { page, portal } = suite;

    // Prepare: the worker's script never loads, as where workers are unsupported
    await page.route('**/_astro/pow-worker*', (route) => route.abort());
    await page.goto(`${portal.url}/report/`);
    const answers = { ...residentAnswers('zh-CN', 'wutong'), description: uniqueText('孩子在工地上干活') };
    await fillReport(page, 'zh-CN', answers);

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.waitForURL(`${portal.url}/api/reports`);

    // Assess: the function's receipt page, and the report stored through the form's channel
    await page.getByRole('region', { name: '报告已收到' }).waitFor();
    expect(await page.locator('.receipt__digits').textContent()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(String((await storedReport(portal.dynamodbEndpoint, answers.description)).hourlySk)).toContain(
      '#form#',
    );
  });

  it('puts "call 110" first when the portal is taking too many reports, and says when to try again', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/en/report/`);
    await fillReport(page, 'en', residentAnswers('en'));
    await page.route('**/api/reports', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'retry-after': '1800' },
        body: JSON.stringify({
          error: 'too_many_reports',
          message:
            'Too many reports right now, please try again later. If a child is in danger right now, call 110.',
        }),
      }),
    );

    // Act
    await page.getByRole('button', { name: 'Send report' }).click();
    const failed = page.locator('#send-failed');
    await failed.waitFor();

    // Assess
    const call = failed.getByRole('link', { name: 'Call 110 now' });
    expect(await call.isVisible()).toBe(true);
    expect(await call.getAttribute('href')).toBe('tel:110');
    expect(await failed.textContent()).toContain('call 110');
    expect(await failed.textContent()).toContain('about 30 minutes');
    expect(await page.locator('#input-description').inputValue()).toContain('home alone');
  });

  it("shows the server's own words when it cannot save, and keeps the text", async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);
    await fillReport(page, 'zh-CN', {
      ...residentAnswers('zh-CN'),
      description: uniqueText('邻居家的孩子好几天没去上学'),
    });
    await page.route('**/api/reports', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '5' },
        body: JSON.stringify({
          error: 'service_unavailable',
          message: '报告暂时没能保存，请稍后再发送一次。',
        }),
      }),
    );

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.locator('#send-failed').waitFor();

    // Assess
    expect(await page.locator('#send-failed').textContent()).toContain('报告暂时没能保存');
    await expect.poll(() => page.evaluate(focusedId)).toBe('send-failed');
    expect(await page.getByLabel('发生了什么').inputValue()).toContain('邻居家的孩子');
    expect(await page.locator('#send-failed [data-too-many]').isVisible()).toBe(false);
  });

  it('counts characters as you type, toward the minimum and then what is left', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);
    const count = page.locator('[data-count-for="input-description"]');

    // Act
    await page.getByLabel('发生了什么').fill('一二三');
    const short = await count.textContent();
    await page.getByLabel('发生了什么').fill('一二三四五六七八九十');
    const enough = await count.textContent();

    // Assess
    expect(short).toBe('还需要再写至少 7 个字');
    expect(enough).toBe('还可以写 4990 个字');
  });
});
