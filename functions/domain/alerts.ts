/** The words of an urgent alert: the community and the office reference, never report content. Pure. */
import type { Localized } from './languages.ts';

/**
 * The text of an alert or a reminder, in both languages, for SMS and email alike.
 * @example alertText('alert', { 'zh-CN': '兰亭社区', en: 'Lanting Community' }, 'K7Q2M-9XD4P')
 */
export function alertText(
  kind: 'alert' | 'reminder',
  community: Localized,
  ref: string,
): { subject: string; message: string } {
  if (kind === 'alert') {
    return {
      subject: '护童：新的紧急报告 / Hutong: new urgent concern',
      message:
        `${community['zh-CN']}有一份新的紧急报告（编号 ${ref}），请打开办公室控制台。\n` +
        `New urgent concern in ${community.en} (ref ${ref}) — open the office console.`,
    };
  }
  return {
    subject: '护童：紧急报告仍未确认 / Hutong: urgent concern not yet acknowledged',
    message:
      `${community['zh-CN']}的紧急报告（编号 ${ref}）还没有人确认，请打开办公室控制台。\n` +
      `The urgent concern in ${community.en} (ref ${ref}) is not acknowledged yet — open the office console.`,
  };
}
