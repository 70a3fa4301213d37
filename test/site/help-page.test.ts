/**
 * The built help page in every language: the numbers to call, then every community's office
 * and children's home, each with a `tel:` link that dials the number the deployment configured.
 */
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import type { Community } from '../../functions/domain/deployment.ts';
import { all, attr, type BuiltPage, builtPages, type Element, one, text } from './built-pages.ts';

const helpPages = builtPages().filter((page) => page.path === '/help/');

/** What a phone dials for a configured number: its digits, nothing else. */
const dialled = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

const telLinks = (root: Element) =>
  all(root, 'a', (a) => attr(a, 'href')?.startsWith('tel:') ?? false).map((a) => ({
    href: attr(a, 'href'),
    shown: text(a),
  }));

const communities = deployment.communities.map((community) => [community.id, community] as const);

describe('help page', () => {
  it('is built in every language', () => {
    // Act
    const languages = helpPages.map((page) => page.lang);

    // Assess
    expect(languages.sort()).toEqual([...deployment.languages].sort());
  });
});

describe.each(helpPages.map((page) => [page.url, page] as [string, BuiltPage]))(
  'help page %s',
  (_url, page) => {
    const { lang } = page;
    const main = one(page.document, 'main');
    const card = (id: string) => one(main, 'li', (li) => attr(li, 'data-community') === id);
    const place = (id: string, kind: string) =>
      all(card(id), 'div', (div) => attr(div, 'data-place') === kind);

    it('lists the emergency number first, then every hotline, each as a tel: link', () => {
      // Prepare
      const lines = one(main, 'section', (s) => attr(s, 'aria-labelledby') === 'help-lines');
      const expected = [deployment.emergency, ...deployment.hotlines];

      // Act
      const links = telLinks(lines);

      // Assess
      expect(links.map((link) => link.href)).toEqual(expected.map((line) => dialled(line.number)));
      expect(text(lines)).toContain(deployment.emergency.when[lang]);
      for (const line of deployment.hotlines) expect(text(lines)).toContain(line.when[lang]);
    });

    it.each(communities)("lists %s's office with a tel: link, its hours and its address", (id, community) => {
      // Prepare
      const { office } = community;

      // Act
      const [found, ...more] = place(id, 'office');

      // Assess
      expect(more).toEqual([]);
      expect(text(one(card(id), 'h3'))).toBe(community.name[lang]);
      expect(found && text(one(found, 'h4'))).toBe(office.name[lang]);
      expect(found && telLinks(found)).toEqual([{ href: dialled(office.phone), shown: office.phone }]);
      expect(found && text(found)).toContain(office.hours[lang]);
      expect(found && text(found)).toContain(office.address[lang]);
    });

    it.each(communities)(
      "lists %s's children's home with a number that reaches it, its hours and its address",
      (id, community: Community) => {
        // Prepare
        const home = community.childrensHome;

        // Act
        const found = place(id, 'childrens-home');

        // Assess
        if (!home) {
          expect(found).toEqual([]);
          return;
        }
        const [shown] = found;
        const number = home.phone ?? community.office.phone;
        expect(found).toHaveLength(1);
        expect(shown && text(one(shown, 'h4'))).toBe(home.name[lang]);
        expect(shown && telLinks(shown)).toEqual([{ href: dialled(number), shown: number }]);
        expect(shown && text(shown)).toContain(home.hours[lang]);
        expect(shown && text(shown)).toContain(home.address[lang]);
      },
    );

    it('lists every community the deployment serves, and no other', () => {
      // Act
      const ids = all(main, 'li', (li) => attr(li, 'data-community') !== undefined).map((li) =>
        attr(li, 'data-community'),
      );

      // Assess
      expect(ids).toEqual(deployment.communities.map((community) => community.id));
    });
  },
);
