/**
 * The translation keys of the curriculum that ships in the repository
 * (`site/src/content/workshops/<lang>/<translationKey>.yaml`), per language: a trainer's workshop
 * may not take one, or the build would meet two workshops with the same key. A test keeps this
 * list equal to the files. Pure data.
 */
import type { Language } from './languages.ts';

const shipped = [
  'childrens-home-body-safety-games-6-8',
  'childrens-home-body-safety-games-9-12',
  'left-behind-families-staying-close',
  'mandated-reporters-in-practice',
  'parents-body-safety-talk',
  'residents-committee-concerns',
  'teens-online-safety-together',
] as const;

/** The shipped modules' translation keys in each language, sorted. */
export const curriculumKeys: Readonly<Record<Language, readonly string[]>> = {
  'zh-CN': shipped,
  en: shipped,
};

/** True when the shipped curriculum already has a workshop with this language and key. */
export function isCurriculumKey(language: Language, translationKey: string): boolean {
  return curriculumKeys[language].includes(translationKey);
}
