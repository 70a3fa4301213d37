/**
 * The built report page in every language: the whole form of the contract, built from
 * functions/domain, and usable for what matters most with no JavaScript at all.
 */
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import {
  categoryLabels,
  childAgeBandLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../functions/domain/labels.ts';
import {
  categories,
  childAgeBands,
  ongoingAnswers,
  reporterRoles,
  reportFields,
  reportLimits,
} from '../../functions/domain/report.ts';
import { all, attr, builtPages, elements, one, text } from './built-pages.ts';

const reportPages = builtPages().filter((page) => page.path === '/report/');

describe.each(reportPages.map((page) => [page.url, page] as const))('report page %s', (_url, page) => {
  const { document, lang } = page;
  const form = one(document, 'form', (f) => attr(f, 'data-report-form') !== undefined);
  const inputs = (name: string) =>
    elements(form).filter(
      (el) => ['input', 'textarea', 'select'].includes(el.tagName) && attr(el, 'name') === name,
    );
  const labelFor = (id: string | undefined) => text(one(form, 'label', (l) => attr(l, 'for') === id));

  it('offers every category as a checkbox with its label and hint', () => {
    // Act
    const boxes = inputs('categories');

    // Assess
    expect(boxes.map((box) => attr(box, 'value'))).toEqual([...categories]);
    expect(boxes.every((box) => attr(box, 'type') === 'checkbox')).toBe(true);
    for (const box of boxes) {
      const category = attr(box, 'value') as (typeof categories)[number];
      expect(labelFor(attr(box, 'id'))).toBe(categoryLabels[category].label[lang]);
      expect(text(form)).toContain(categoryLabels[category].hint[lang]);
    }
  });

  it.each([
    ['reporterRole', reporterRoles, reporterRoleLabels, true],
    ['childAgeBand', childAgeBands, childAgeBandLabels, true],
    ['ongoing', ongoingAnswers, ongoingLabels, false],
  ] as const)('asks %s with one radio per option of the contract', (name, values, labels, required) => {
    // Act
    const radios = inputs(name);

    // Assess
    expect(radios.map((radio) => attr(radio, 'value'))).toEqual([...values]);
    expect(radios.map((radio) => labelFor(attr(radio, 'id')))).toEqual(
      values.map((value) => (labels as Record<string, Record<string, string>>)[value]?.[lang]),
    );
    expect(radios.every((radio) => attr(radio, 'type') === 'radio')).toBe(true);
    expect(radios.every((radio) => (attr(radio, 'required') !== undefined) === required)).toBe(true);
  });

  it('asks for the community when more than one is configured', () => {
    // Act
    const radios = inputs('community');

    // Assess
    expect(deployment.communities.length).toBeGreaterThan(1);
    expect(radios.map((radio) => attr(radio, 'value'))).toEqual(deployment.communities.map((c) => c.id));
    expect(radios.map((radio) => labelFor(attr(radio, 'id')))).toEqual(
      deployment.communities.map((c) => c.name[lang]),
    );
  });

  it("takes its text limits from the contract's reportLimits", () => {
    // Act
    const [description] = inputs('description');
    const [location] = inputs('location');
    const [contact] = inputs('contact');

    // Assess
    expect(description?.tagName).toBe('textarea');
    expect(description && attr(description, 'required')).toBeDefined();
    expect(description && attr(description, 'minlength')).toBe(String(reportLimits.description.min));
    expect(description && attr(description, 'maxlength')).toBe(String(reportLimits.description.max));
    expect(location && attr(location, 'maxlength')).toBe(String(reportLimits.location.max));
    expect(contact && attr(contact, 'maxlength')).toBe(String(reportLimits.contact.max));
  });

  it('keeps contact details off by default, behind a closed disclosure that explains anonymity', () => {
    // Act
    const details = one(
      form,
      'details',
      (d) => all(d, 'input', (i) => attr(i, 'name') === 'contact').length > 0,
    );

    // Assess
    expect(attr(details, 'open')).toBeUndefined();
    expect(attr(inputs('contact')[0] as never, 'value')).toBeUndefined();
    expect(text(form)).toMatch(lang === 'en' ? /fully anonymous/ : /完全匿名/);
  });

  it('sends the page language and only fields the contract knows, besides the honeypot', () => {
    // Act
    const [language] = inputs('language');
    const names = new Set(elements(form).flatMap((el) => attr(el, 'name') ?? []));

    // Assess
    expect(language && attr(language, 'type')).toBe('hidden');
    expect(language && attr(language, 'value')).toBe(lang);
    expect([...names].filter((name) => !(reportFields as readonly string[]).includes(name))).toEqual([
      'website',
    ]);
  });

  it('hides the honeypot from people: off screen, out of the tab order, the accessibility tree and autofill', () => {
    // Act
    const [honeypot] = inputs('website');
    const wrapper = elements(form).find((el) => el.childNodes.includes(honeypot as never));

    // Assess
    expect(honeypot && attr(honeypot, 'tabindex')).toBe('-1');
    expect(honeypot && attr(honeypot, 'autocomplete')).toBe('off');
    expect(wrapper && attr(wrapper, 'aria-hidden')).toBe('true');
    expect(wrapper && attr(wrapper, 'class')).toBe('visually-hidden');
  });

  it('asks who is telling first, so a child is spoken to as a child from the next question on', () => {
    // Act
    const firstChoice = one(form, 'input', (i) => attr(i, 'type') === 'radio');
    const welcome = one(form, 'div', (d) => attr(d, 'class')?.includes('child-welcome') ?? false);

    // Assess
    expect(attr(firstChoice, 'name')).toBe('reporterRole');
    expect(attr(welcome, 'class')).toContain('for-child');
    expect(text(welcome)).toContain(
      lang === 'en' ? 'You did the right thing by telling.' : '你说出来，做得很对。',
    );
    expect(text(welcome)).toContain(lang === 'en' ? 'It is not your fault.' : '这不是你的错。');
    expect(text(welcome)).toMatch(lang === 'en' ? /as much or as little as you want/ : /想说多少就说多少/);
  });

  it('says to call 110 before the form starts', () => {
    // Prepare
    const main = one(document, 'main');

    // Act
    const firstTel = one(main, 'a', (a) => attr(a, 'href')?.startsWith('tel:') ?? false);
    const order = elements(main).filter((el) => el === firstTel || el === form);

    // Assess
    expect(attr(firstTel, 'href')).toBe(`tel:${deployment.emergency.number}`);
    expect(order).toEqual([firstTel, form]);
  });

  it('has "call 110 now" ready at the very top of the page, before the header', () => {
    // Prepare
    const body = one(document, 'body');

    // Act
    const banner = one(body, 'div', (d) => attr(d, 'data-danger-now') !== undefined);
    const order = elements(body).filter((el) => el === banner || el.tagName === 'header');

    // Assess
    expect(order[0]).toBe(banner);
    expect(attr(one(banner, 'a'), 'href')).toBe(`tel:${deployment.emergency.number}`);
    expect(one(form, 'input', (i) => attr(i, 'name') === 'immediateDanger').attrs).toContainEqual({
      name: 'type',
      value: 'checkbox',
    });
  });

  it("tells a child without the script which answers to choose when unsure, by the options' own names", () => {
    // Act
    const note = one(form, 'p', (p) => attr(p, 'class') === 'only-no-script');

    // Assess: the names it quotes are the options on screen
    expect(text(note)).toContain(categoryLabels.other.label[lang]);
    expect(text(note)).toContain(childAgeBandLabels.unknown[lang]);
  });

  it('can be sent without JavaScript: Send is enabled and nothing says otherwise', () => {
    // Act
    const send = one(form, 'button', (b) => attr(b, 'type') === 'submit');

    // Assess
    expect(attr(send, 'disabled')).toBeUndefined();
    expect(text(form)).not.toContain('JavaScript');
  });

  it('posts to the API as a plain form without the script, never into the URL', () => {
    // Assess
    expect(attr(form, 'method')).toBe('post');
    expect(attr(form, 'action')).toBe('/api/reports');
    expect(attr(form, 'autocomplete')).toBe('off');
  });
});
