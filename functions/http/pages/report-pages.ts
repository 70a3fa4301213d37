/**
 * The pages `POST /api/reports` answers a plain HTML form with, for people without JavaScript:
 * the receipt, the form again with every problem next to its field and every word kept, or what
 * went wrong. Built from the same domain schema, labels and limits as the site's form.
 */
import { deployment } from '../../config.ts';
import type { FieldIssue } from '../../domain/issues.ts';
import {
  type ApiField,
  categoryLabels,
  childAgeBandLabels,
  fieldLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../domain/labels.ts';
import type { Language, Localized } from '../../domain/languages.ts';
import {
  categories,
  childAgeBands,
  ongoingAnswers,
  reporterRoles,
  reportLimits,
} from '../../domain/report.ts';
import { html, type SafeHtml } from './html.ts';
import { page, sitePath } from './layout.ts';
import { pageStrings as s } from './strings.ts';

/** What the person sent, as the form path read it. */
export type FormValues = Record<string, string | string[] | boolean>;

const isChild = (values: FormValues) =>
  values.reporterRole === 'child_self' || values.reporterRole === 'child_friend';

function emergency(language: Language): SafeHtml {
  const number = deployment.emergency.number;
  return html`<p class="callout callout--danger">${s.callNow[language]} <a href="tel:${number}">${number}</a></p>`;
}

/** The receipt, shown once, with what to do with it. */
export function reportReceivedPage(options: {
  language: Language;
  receipt: string;
  urgent: boolean;
  child: boolean;
}): string {
  const { language, receipt, urgent, child } = options;
  const number = deployment.emergency.number;
  const main = html`<h1>${s.receivedTitle[language]}</h1>
    ${child ? html`<p>${s.childThanks[language]}</p>` : ''}
    ${urgent ? html`<p class="callout callout--danger">${s.receiptUrgent[language]} <a href="tel:${number}">${number}</a></p>` : ''}
    <p>${s.receiptIntro[language]}</p>
    <p class="receipt"><strong>${receipt}</strong></p>
    ${child ? html`<p>${s.childReceipt[language]}</p>` : ''}
    <ul><li>${s.receiptKeep[language]}</li><li>${s.receiptOnlyWay[language]}</li><li>${s.receiptNoRecovery[language]}</li></ul>
    <p><a href="${sitePath(language, '/follow-up/')}">${s.followUpLink[language]}</a></p>`;
  return page({ language, title: s.receivedTitle[language], main });
}

function errorFor(field: string, issues: readonly FieldIssue[]): SafeHtml | '' {
  const messages = issues.filter((issue) => String(issue.path[0] ?? '') === field).map((i) => i.message);
  return messages.length
    ? html`<p class="field-error" id="error-${field}">${messages.map((m) => html`<span>${m}</span> `)}</p>`
    : '';
}

function choices(
  language: Language,
  field: ApiField,
  type: 'radio' | 'checkbox',
  options: readonly string[],
  labelOf: (option: string) => Localized,
  values: FormValues,
  issues: readonly FieldIssue[],
): SafeHtml {
  const chosen = ([] as unknown[]).concat(values[field] ?? []);
  return html`<fieldset class="field" ${errorFor(field, issues) ? html`aria-describedby="error-${field}"` : ''}>
    <legend>${fieldLabels[field][language]}</legend>${errorFor(field, issues)}
    ${options.map(
      (option) =>
        html`<label class="choice"><input type="${type}" name="${field}" value="${option}" ${chosen.includes(option) ? html`checked` : ''}> ${labelOf(option)[language]}</label>`,
    )}</fieldset>`;
}

function text(
  language: Language,
  field: ApiField,
  values: FormValues,
  issues: readonly FieldIssue[],
  options: { max: number; min?: number; area?: boolean; optional?: boolean },
): SafeHtml {
  const value = typeof values[field] === 'string' ? (values[field] as string) : '';
  const attrs = html`id="input-${field}" name="${field}" maxlength="${options.max}" ${options.min ? html`minlength="${options.min}" required` : ''} ${errorFor(field, issues) ? html`aria-describedby="error-${field}"` : ''}`;
  return html`<div class="field"><label for="input-${field}">${fieldLabels[field][language]} ${options.optional ? s.optional[language] : ''}</label>${errorFor(field, issues)}
    ${options.area ? html`<textarea ${attrs} rows="8">${value}</textarea>` : html`<input type="text" ${attrs} value="${value}">`}</div>`;
}

/** The form again: the problems at the top and next to each field, every answer kept. */
export function reportFormPage(options: {
  language: Language;
  values: FormValues;
  issues: readonly FieldIssue[];
  message: string;
}): string {
  const { language, values, issues } = options;
  const communities = deployment.communities;
  const main = html`${emergency(language)}<div class="error-summary" role="alert"><h1>${s.fixTitle[language]}</h1><p>${options.message}</p>
    <ul>${issues.map((issue) => html`<li><a href="#input-${String(issue.path[0] ?? '')}">${issue.message}</a></li>`)}</ul></div>
    <form method="post" action="/api/reports" class="report-form" novalidate>
    <input type="hidden" name="language" value="${language}">
    <div class="visually-hidden" aria-hidden="true"><label for="input-website">${fieldLabels.website[language]}</label><input type="text" id="input-website" name="website" tabindex="-1" autocomplete="off"></div>
    ${
      communities.length > 1
        ? choices(
            language,
            'community',
            'radio',
            communities.map((c) => c.id),
            (id) => communities.find((c) => c.id === id)?.name ?? fieldLabels.community,
            values,
            issues,
          )
        : ''
    }
    ${choices(language, 'categories', 'checkbox', categories, (c) => categoryLabels[c as keyof typeof categoryLabels].label, values, issues)}
    ${choices(language, 'reporterRole', 'radio', reporterRoles, (r) => reporterRoleLabels[r as keyof typeof reporterRoleLabels], values, issues)}
    ${choices(language, 'childAgeBand', 'radio', childAgeBands, (b) => childAgeBandLabels[b as keyof typeof childAgeBandLabels], values, issues)}
    <fieldset class="field"><legend>${fieldLabels.immediateDanger[language]}</legend><label class="choice"><input type="checkbox" name="immediateDanger" value="true" ${values.immediateDanger === true ? html`checked` : ''}> ${s.dangerYes[language]}</label></fieldset>
    ${text(language, 'description', values, issues, { area: true, min: reportLimits.description.min, max: reportLimits.description.max })}
    ${text(language, 'location', values, issues, { max: reportLimits.location.max, optional: true })}
    ${choices(language, 'ongoing', 'radio', ongoingAnswers, (o) => ongoingLabels[o as keyof typeof ongoingLabels], values, issues)}
    ${text(language, 'contact', values, issues, { max: reportLimits.contact.max, optional: true })}
    <button class="button" type="submit">${s.send[language]}</button></form>`;
  return page({ language, title: s.fixTitle[language], main });
}

/** What went wrong when the report could not be stored (429, 503, 500), and the way back. */
export function reportProblemPage(options: { language: Language; message: string; child: boolean }): string {
  const { language, message } = options;
  const main = html`<h1>${s.problemTitle[language]}</h1><p>${message}</p>${emergency(language)}
    <p><a href="${sitePath(language, '/report/')}">${s.backToForm[language]}</a></p>`;
  return page({ language, title: s.problemTitle[language], main });
}

/** True when the values say a child is telling us: the pages then speak to a child. */
export function isChildReporter(values: FormValues): boolean {
  return isChild(values);
}
