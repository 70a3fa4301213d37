/**
 * The words the console's script needs, in one language, as one JSON object the page hands it
 * in a data attribute: every `office.*` UI string, the workshop audiences' names (`workshops.audience.*`,
 * as the public workshop pages say them), and the report's option labels from the domain. The
 * script then carries no strings of its own. Pure; build time only.
 */
import {
  categoryLabels,
  childAgeBandLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../../functions/domain/labels.ts';
import type { Language, Localized } from '../../../functions/domain/languages.ts';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';

const uiStrings: Record<Language, Record<string, string>> = { 'zh-CN': zhCN, en };

function labelsOf(prefix: string, labels: Record<string, Localized>, lang: Language): [string, string][] {
  return Object.entries(labels).map(([value, label]) => [`${prefix}.${value}`, label[lang]]);
}

/**
 * The console's strings in `lang`: `office.*` and `workshops.audience.*` keys as they are, report options as
 * `category.<value>`, `ageBand.<value>`, `reporterRole.<value>` and `ongoing.<value>`.
 * @example consoleStrings('en')['office.signIn'] // 'Sign in'
 */
export function consoleStrings(lang: Language): Record<string, string> {
  const own = Object.entries(uiStrings[lang]).filter(
    ([key]) => key.startsWith('office.') || key.startsWith('workshops.audience.'),
  );
  const categories = Object.fromEntries(
    Object.entries(categoryLabels).map(([value, { label }]) => [value, label]),
  ) as Record<string, Localized>;
  return Object.fromEntries([
    ...own,
    ...labelsOf('category', categories, lang),
    ...labelsOf('ageBand', childAgeBandLabels, lang),
    ...labelsOf('reporterRole', reporterRoleLabels, lang),
    ...labelsOf('ongoing', ongoingLabels, lang),
  ]);
}
