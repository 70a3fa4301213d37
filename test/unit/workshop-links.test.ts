/**
 * The workshop's Markdown fields refuse, at save, every link and picture the public site would
 * refuse to build, in the person's words; and the save agrees with the site's own check on what
 * Astro's renderer really makes of each case, so one field can't stop the site being rebuilt.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../functions/domain/issues.ts';
import type { Language } from '../../functions/domain/languages.ts';
import { workshopSchema } from '../../functions/domain/workshop.ts';
import { hasImage, refusedLinks } from '../../functions/domain/workshop-links.ts';
import { saveWorkshopSchema } from '../../functions/domain/workshop-requests.ts';
import { escapeHtml, unsafeParts } from '../../site/src/lib/workshops/markdown.ts';
import { sampleWorkshop } from '../support/workshops.ts';

/** Markdown the site would refuse to build. */
const refused = {
  'a javascript: link': '[call us](javascript:alert(1))',
  'an upper-case scheme, after spaces and a line break': 'see [here](  \n  JavaScript:alert(1) "t")',
  'a reference definition': 'read [the guide]\n\n[the guide]: javascript:alert(1)',
  'a definition on the next line, in a quote': '> [g]:\n>   data:text/html,x\n\n[g]',
  'a definition in a list item': '- [g]: vbscript:x\n\n[g]',
  'a relative link': '[the form](page.html)',
  'an empty link': '[nothing]()',
  'an entity-encoded scheme': '[x](java&#115;cript:alert(1))',
  'an encoded colon': '[x](javascript&colon;alert(1))',
  'a percent-encoded scheme': '[x](%6Aavascript:alert(1))',
  'a destination in angle brackets, which the site escapes': '[x](<https://example.org>)',
  'a link inside a link text': '[a [b](javascript:x) c](https://example.org)',
  'a web page without its two slashes': '[x](https:example.org)',
  'a picture from the web': '![the map](https://example.org/map.png)',
  'a picture by reference': '![the map][m]\n\n[m]: https://example.org/map.png',
  'a picture by its label alone': '![Map]\n\n[map]: /map.png',
  'a picture inside a link': '[![a [nested] alt](/a.png)](https://example.org)',
};

/** Markdown the site builds, links and all. */
const kept = {
  'a web page': '[the guide](https://example.org/guide "The guide")',
  'an upper-case web page': '[x](HTTP://example.org)',
  'a page of this site and an anchor': '[report](/zh-CN/report/) and [top](#top)',
  'an e-mail address and a phone number': '[write](mailto:help@example.org) or [call](tel:12355)',
  'a reference link to a web page': '[guide][g]\n\n[G]: https://example.org',
  'a footnote': 'a claim[^1]\n\n[^1]: javascript: is only named here',
  'bare addresses': 'www.example.org, help@example.org and https://example.org',
  'plain text naming schemes': 'Never click javascript: links. [Note]: stay calm. Wow![really]',
  'a Chinese note in brackets': '【注意】孩子说出来时，先听。[注意] 不要追问。',
};

/** The problems a person would read, by path, in `language`. */
function problems(value: unknown, language: Language): Record<string, string> {
  const result = saveWorkshopSchema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(
    describeIssues(result.error.issues, value, language, 'request').map((i) => [i.path.join('.'), i.message]),
  );
}

describe('links and pictures in a workshop', () => {
  it.each(Object.entries(refused))('refuses %s in every Markdown field', (_, markdown) => {
    // Prepare
    const fields = ['facilitatorNotes', 'safeguardingNotes', 'handout'] as const;
    // Act
    const results = fields.map((field) =>
      workshopSchema.safeParse({ ...sampleWorkshop(), [field]: markdown }),
    );
    // Assess
    expect(results.map((r) => r.success)).toEqual([false, false, false]);
    expect(results.map((r) => r.error?.issues.map((i) => i.path.join('.')))).toEqual(fields.map((f) => [f]));
  });

  it.each(Object.entries(kept))('keeps %s', (_, markdown) => {
    // Act
    const result = workshopSchema.safeParse({ ...sampleWorkshop(), handout: markdown });
    // Assess
    expect(result.error?.issues).toBeUndefined();
  });

  it('refuses exactly what the site build would refuse, as Astro renders it', async () => {
    // Prepare: the site's renderer and its check (site/src/lib/workshops/loader.ts)
    const processor = await createMarkdownProcessor({ syntaxHighlight: false });
    const cases = Object.values({ ...refused, ...kept });
    // Act
    const site = await Promise.all(
      cases.map(async (md) => unsafeParts((await processor.render(escapeHtml(md))).code).length > 0),
    );
    const save = cases.map((md) => refusedLinks(md).length > 0 || hasImage(md));
    // Assess
    expect(save).toEqual(site);
    expect(site.filter(Boolean)).toHaveLength(Object.keys(refused).length);
  });

  it.each([
    {
      field: 'handout',
      markdown: refused['a javascript: link'],
      en: 'workshop.handout: links can only go to a web page (https://), an email address (mailto:) or a phone number (tel:).',
      zh: 'workshop.handout：链接只能指向网页（https://）、邮箱（mailto:）或电话（tel:）。',
    },
    {
      field: 'facilitatorNotes',
      markdown: refused['a picture from the web'],
      en: "workshop.facilitatorNotes: pictures can't be placed in the text. Upload them as handout files instead.",
      zh: 'workshop.facilitatorNotes：文字里不能放图片。图片请作为讲义文件上传。',
    },
  ])('names $field and says what to do instead, in each language', ({ field, markdown, en, zh }) => {
    // Prepare
    const body = { version: 1, workshop: { ...sampleWorkshop(), [field]: markdown }, sessions: [] };
    // Act
    const said = { en: problems(body, 'en'), zh: problems(body, 'zh-CN') };
    // Assess
    expect(said).toEqual({ en: { [`workshop.${field}`]: en }, zh: { [`workshop.${field}`]: zh } });
  });
});
