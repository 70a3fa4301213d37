/**
 * The report form is rendered twice: by the site (with or without its script) and by the
 * function that answers a plain form post with its problems. Both must ask exactly the same
 * questions, with the same options, limits and words, or a person without JavaScript would be
 * sent back to a different form than the one they filled in.
 */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { reportFormPage } from '../../functions/http/pages/report-pages.ts';
import { all, attr, builtPages, type Element, elements, one, text } from './built-pages.ts';

const isReportForm = (f: Element) => attr(f, 'data-report-form') !== undefined;

/** Text without its whitespace: markup may break lines differently, the words may not differ. */
const words = (el: Element) => text(el).replace(/\s+/g, '');

/** Every control of a form as a person meets it: its question, label, hint and limits. */
function shape(form: Element) {
  const labelOf = (id: string | undefined) =>
    id
      ? all(form, 'label', (l) => attr(l, 'for') === id)
          .map(words)
          .join()
      : '';
  const fieldOf = (control: Element) =>
    elements(form).find(
      (el) => attr(el, 'class')?.split(' ').includes('field') && elements(el).includes(control),
    );
  return elements(form)
    .filter((el) => ['input', 'textarea', 'select', 'button'].includes(el.tagName))
    .filter((el) => attr(el, 'name') !== undefined || attr(el, 'type') === 'submit')
    .map((control) => {
      const field = fieldOf(control);
      const legend = field ? all(field, 'legend').map(words).join() : '';
      const hint = field
        ? all(field, 'p', (p) => attr(p, 'class') === 'hint')
            .map(words)
            .join()
        : '';
      return {
        tag: control.tagName,
        name: attr(control, 'name'),
        type: attr(control, 'type'),
        value: attr(control, 'value'),
        required: attr(control, 'required') !== undefined,
        minlength: attr(control, 'minlength'),
        maxlength: attr(control, 'maxlength'),
        tabindex: attr(control, 'tabindex'),
        autocomplete: attr(control, 'autocomplete'),
        label: labelOf(attr(control, 'id')),
        legend,
        hint,
        text: control.tagName === 'button' ? words(control) : undefined,
      };
    });
}

const sitePages = builtPages().filter((page) => page.path === '/report/');

describe.each(sitePages.map((page) => [page.url, page] as const))('the report form of %s', (_url, page) => {
  const siteForm = one(page.document, 'form', isReportForm);
  const functionPage = parse(
    reportFormPage({
      language: page.lang,
      values: {},
      issues: [],
      message: 'The report could not be sent yet.',
    }),
  );
  const functionForm = one(functionPage, 'form', isReportForm);

  it("asks the same questions as the function's form page, with the same options, limits and words", () => {
    // Act
    const site = shape(siteForm);
    const fn = shape(functionForm);

    // Assess
    expect(site.length).toBeGreaterThan(20);
    expect(fn).toEqual(site);
  });

  it('posts to the same place in the same way', () => {
    // Assess
    for (const name of ['method', 'action', 'autocomplete']) {
      expect(attr(functionForm, name)).toBe(attr(siteForm, name));
    }
  });

  it("has the same child's wording, shown by the same classes", () => {
    // Act
    const childWords = (form: Element) =>
      elements(form)
        .filter((el) => attr(el, 'class')?.split(' ').includes('for-child'))
        .map(words);

    // Assess
    expect(childWords(siteForm).length).toBeGreaterThan(8);
    expect(childWords(functionForm)).toEqual(childWords(siteForm));
  });
});
