/**
 * The pages `POST /api/reports` answers a plain HTML form with, for people without JavaScript:
 * the receipt, the form again with every problem next to its field and every word kept, or what
 * went wrong. Same markup, words and stylesheet as the site; every value escaped by `html`.
 */
import { deployment } from '../../config.ts';
import type { FieldIssue } from '../../domain/issues.ts';
import type { Language } from '../../domain/languages.ts';
import { html } from './html.ts';
import { emergencyCallout, page, sitePath, telHref } from './layout.ts';
import { type FormValues, reportForm } from './report-form.ts';
import { type PageKey, say } from './strings.ts';

export type { FormValues } from './report-form.ts';

/** "Call 110 now", ready at the top of the form page for when danger is ticked (site.css). */
function dangerNow(language: Language) {
  const { number } = deployment.emergency;
  return html`<div class="danger-now" id="danger-now"><p class="danger-now__text">${say(language, 'report.danger.text')}</p><a class="danger-now__call" href="${telHref(number)}">${say(language, 'report.danger.call', { number })}</a></div>`;
}

/**
 * The receipt, shown once, with what to do with it; a child gets it explained simply too.
 * Digits as plain text, and for screen readers one by one ("1 2 3 4"), not as a number.
 */
export function reportReceivedPage(options: {
  language: Language;
  receipt: string;
  urgent: boolean;
  child: boolean;
}): string {
  const { language, receipt, urgent, child } = options;
  const s = (key: PageKey) => say(language, key);
  const spoken = receipt
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
  const main = html`<section class="receipt" id="receipt" aria-labelledby="receipt-title"><h1 class="receipt__title" id="receipt-title">${s('report.receipt.title')}</h1>
${child ? html`<p class="receipt__child">${s('report.receipt.childThanks')}</p>` : ''}<p>${s('report.receipt.lead')}</p>
<p class="receipt__number"><span class="receipt__digits" aria-hidden="true">${receipt}</span><span class="visually-hidden">${spoken}</span></p>
${child ? html`<p class="receipt__child">${s('report.receipt.childKey')}</p>` : ''}<ul class="receipt__rules"><li>${s('report.receipt.writeDown')}</li><li>${s('report.receipt.onlyWay')}</li><li>${s('report.receipt.noRecovery')}</li><li>${s('report.receipt.once')}</li></ul>
${urgent ? html`<p class="receipt__urgent">${s('report.receipt.urgent')}</p>` : ''}${emergencyCallout(language)}<p><a href="${sitePath(language, '/follow-up/')}">${s('report.receipt.followUp')}</a></p><p><a class="button button--secondary" href="${sitePath(language, '/')}">${s('report.receipt.done')}</a></p></section>`;
  return page({ language, title: s('report.receipt.title'), main });
}

/** The form again: the problems at the top and next to each field, every answer kept. */
export function reportFormPage(options: {
  language: Language;
  values: FormValues;
  issues: readonly FieldIssue[];
  message: string;
}): string {
  const { language, values, issues, message } = options;
  const s = (key: PageKey) => say(language, key);
  const main = html`${emergencyCallout(language, 'report.emergency')}<div class="error-summary" id="error-summary" aria-labelledby="error-summary-title"><h2 class="error-summary__title" id="error-summary-title">${s('report.errors.title')}</h2><p class="error-summary__message">${message}</p><ul class="error-summary__list">${issues.map((issue) => html`<li><a href="#field-${String(issue.path[0] ?? '')}">${issue.message}</a></li>`)}</ul></div><h1>${s('report.title')}</h1>${reportForm(language, values, issues)}`;
  // GOV.UK: the title says there is a problem, so it is heard first.
  return page({
    language,
    title: `${s('form.errorPrefix')} ${s('report.title')}`,
    main,
    top: dangerNow(language),
  });
}

/** What went wrong when the report could not be stored (429, 503, 500), and the way back. */
export function reportProblemPage(options: { language: Language; message: string; child: boolean }): string {
  const { language, message } = options;
  const s = (key: PageKey) => say(language, key);
  const { number } = deployment.emergency;
  const main = html`<div class="send-failed"><h1 class="send-failed__title">${s('report.failed.title')}</h1><p>${message}</p><p class="send-failed__call"><a class="button button--call" href="${telHref(number)}">${say(language, 'report.danger.call', { number })}</a></p></div>${options.child ? html`<p class="receipt__child">${s('report.child.notYourFault')}</p>` : ''}<p>${s('page.backKeeps')} <a href="${sitePath(language, '/report/')}">${s('page.backToForm')}</a></p>`;
  return page({ language, title: s('report.failed.title'), main });
}

/** True when the values say a child is telling us: the pages then speak to a child. */
export function isChildReporter(values: FormValues): boolean {
  return values.reporterRole === 'child_self' || values.reporterRole === 'child_friend';
}
