/**
 * The concern report form as a function renders it for people without JavaScript: the same
 * questions, options, limits, wording and markup as the site's form (site/src/components/report/
 * ReportForm.astro), each problem next to its field, and every answer kept. test/site checks that
 * the two renderings ask exactly the same.
 */
import { deployment } from '../../config.ts';
import type { FieldIssue } from '../../domain/issues.ts';
import {
  categoryLabels,
  childAgeBandLabels,
  fieldLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../domain/labels.ts';
import type { Language } from '../../domain/languages.ts';
import {
  categories,
  childAgeBands,
  ongoingAnswers,
  type ReportField,
  reporterRoles,
  reportLimits,
} from '../../domain/report.ts';
import { html, type SafeHtml } from './html.ts';
import { type PageKey, say } from './strings.ts';

/** What the person sent, as the form path read it. */
export type FormValues = Record<string, string | string[] | boolean>;

interface Option {
  value: string;
  label: string;
  childLabel?: string;
  hint?: string;
}

interface Wording {
  hint?: string;
  child?: { label?: string; hint?: string; optional?: boolean };
}

/** Text for an adult, and a child's wording beside it that site.css swaps in. */
const worded = (adult: string, child?: string) =>
  child ? html`<span class="for-adult">${adult}</span><span class="for-child">${child}</span>` : adult;

/** Renders one form for a language, with the answers and problems of the last send. */
function renderer(language: Language, values: FormValues, issues: readonly FieldIssue[]) {
  const s = (key: PageKey, fill?: Record<string, number>) => say(language, key, fill);
  const optional = html`<span class="optional">${s('form.optional')}</span>`;

  const error = (name: string) => {
    const messages = issues.filter((issue) => String(issue.path[0] ?? '') === name).map((i) => i.message);
    return html`<p class="field-error" id="error-${name}"${messages.length ? '' : html` hidden`}><span class="visually-hidden">${s('form.errorPrefix')}</span> <span data-error-text>${messages.join(' ')}</span></p>`;
  };
  const hasError = (name: string) => issues.some((issue) => String(issue.path[0] ?? '') === name);
  const hint = (name: string, wording: Wording) =>
    wording.hint || wording.child?.hint
      ? html`<p class="hint" id="hint-${name}">${worded(wording.hint ?? '', wording.child?.hint)}</p>`
      : '';
  const describedBy = (name: string, wording: Wording) =>
    [(wording.hint || wording.child?.hint) && `hint-${name}`, `error-${name}`].filter(Boolean).join(' ');

  const choices = (
    name: ReportField,
    type: 'radio' | 'checkbox',
    options: readonly Option[],
    wording: Wording & { required?: boolean } = {},
  ) => {
    const chosen = ([] as unknown[]).concat(values[name] ?? []).map(String);
    const required = wording.required ?? false;
    return html`<div class="field${hasError(name) ? ' field--error' : ''}" id="field-${name}"><fieldset class="fieldset" aria-describedby="${describedBy(name, wording)}"><legend class="fieldset__legend">${worded(fieldLabels[name][language], wording.child?.label)}${type === 'radio' && !required ? optional : ''}${wording.child?.optional ? html`<span class="optional for-child only-script">${s('form.optional')}</span>` : ''}</legend>${hint(name, wording)}${error(name)}<div class="choices choices--${type}">${options.map(
      (option) => {
        const id = `input-${name}-${option.value}`;
        return html`<div class="choice"><input class="choice__input" type="${type}" id="${id}" name="${name}" value="${option.value}"${chosen.includes(option.value) ? html` checked` : ''}${required ? html` required` : ''}${option.hint ? html` aria-describedby="${id}-hint"` : ''}${hasError(name) ? html` aria-invalid="true"` : ''}><label class="choice__label" for="${id}">${worded(option.label, option.childLabel)}</label>${option.hint ? html`<p class="choice__hint" id="${id}-hint">${option.hint}</p>` : ''}</div>`;
      },
    )}</div></fieldset></div>`;
  };

  const text = (
    name: ReportField,
    limits: { min?: number; max: number },
    wording: Wording & { area?: boolean },
  ) => {
    const value = typeof values[name] === 'string' ? (values[name] as string) : '';
    const required = limits.min !== undefined;
    const attributes = html`class="${wording.area ? 'textarea' : 'input'}" id="input-${name}" name="${name}"${required ? html` required minlength="${limits.min}"` : ''} maxlength="${limits.max}" autocomplete="off" spellcheck="false" aria-describedby="${describedBy(name, wording)}"${hasError(name) ? html` aria-invalid="true"` : ''}`;
    return html`<div class="field${hasError(name) ? ' field--error' : ''}" id="field-${name}"><label class="label" for="input-${name}">${worded(fieldLabels[name][language], wording.child?.label)}${required ? '' : optional}</label>${hint(name, wording)}${error(name)}${wording.area ? html`<textarea ${attributes} rows="8">${value}</textarea>` : html`<input ${attributes} type="text"${value ? html` value="${value}"` : ''}>`}</div>`;
  };

  return { s, choices, text };
}

/** The form, with the answers in `values` chosen or filled in and each issue next to its field. */
export function reportForm(language: Language, values: FormValues, issues: readonly FieldIssue[]): SafeHtml {
  const { s, choices, text } = renderer(language, values, issues);
  const limits = reportLimits;
  const { communities } = deployment;
  const contactOpen = typeof values.contact === 'string' && values.contact !== '';
  return html`<form class="report-form" method="post" action="/api/reports" autocomplete="off" novalidate data-report-form><input type="hidden" name="language" value="${language}"><div class="visually-hidden" aria-hidden="true"><label for="input-website">${fieldLabels.website[language]}</label><input type="text" id="input-website" name="website" tabindex="-1" autocomplete="off"></div>
${choices(
  'reporterRole',
  'radio',
  reporterRoles.map((value) => ({ value, label: reporterRoleLabels[value][language] })),
  { required: true, hint: s('report.reporterRole.hint') },
)}
<div class="child-welcome for-child"><p class="child-welcome__lead">${s('report.child.welcome')}<br>${s('report.child.notYourFault')}</p><p>${s('report.child.asMuch')}</p><p class="only-script">${s('report.child.skip')}</p><p class="only-no-script">${s('report.child.noScript')}</p></div>
${
  communities.length > 1
    ? choices(
        'community',
        'radio',
        communities.map((c) => ({ value: c.id, label: c.name[language] })),
        {
          required: true,
          hint: s('report.community.hint'),
          child: { hint: s('report.child.communityHint') },
        },
      )
    : ''
}
${choices(
  'categories',
  'checkbox',
  categories.map((value) => ({
    value,
    label: categoryLabels[value].label[language],
    hint: categoryLabels[value].hint[language],
  })),
  {
    hint: s('report.categories.hint', limits.categories),
    child: { label: s('report.child.categories'), hint: s('report.child.categoriesHint'), optional: true },
  },
)}
${choices(
  'childAgeBand',
  'radio',
  childAgeBands.map((value) => ({ value, label: childAgeBandLabels[value][language] })),
  {
    required: true,
    hint: s('report.childAgeBand.hint'),
    child: { label: s('report.child.childAgeBand'), optional: true },
  },
)}
${choices(
  'immediateDanger',
  'checkbox',
  [
    {
      value: 'true',
      label: s('report.immediateDanger.yes'),
      childLabel: s('report.child.immediateDangerYes'),
    },
  ],
  { hint: s('report.immediateDanger.hint'), child: { label: s('report.child.immediateDanger') } },
)}
${text('description', limits.description, {
  area: true,
  hint: s('report.description.hint', limits.description),
  child: {
    label: s('report.child.description'),
    hint: s('report.child.descriptionHint', limits.description),
  },
})}
${text('location', limits.location, {
  hint: s('report.location.hint'),
  child: { label: s('report.child.location'), hint: s('report.child.locationHint') },
})}
${choices(
  'ongoing',
  'radio',
  ongoingAnswers.map((value) => ({ value, label: ongoingLabels[value][language] })),
)}
<div class="contact"><p class="contact__anonymous">${worded(s('report.contact.anonymous'), s('report.child.contactAnonymous'))}</p><details class="details"${contactOpen || issues.some((i) => i.path[0] === 'contact') ? html` open` : ''}><summary class="details__summary">${worded(s('report.contact.summary'), s('report.child.contactSummary'))}</summary><div class="details__body">${text('contact', limits.contact, { hint: s('report.contact.hint', limits.contact), child: { hint: s('report.child.contactHint') } })}</div></details></div>
<button class="button button--send" type="submit">${s('report.send')}</button></form>`;
}
