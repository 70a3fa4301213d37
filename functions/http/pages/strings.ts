/**
 * The words of the pages a function renders for people without JavaScript, in every language.
 * Field labels and options come from the domain; test/site checks the shared phrases against the
 * site's own strings so the two never drift.
 */
import type { Localized } from '../../domain/languages.ts';

/** Every string the function-rendered pages use. */
export const pageStrings = {
  skipToMain: { 'zh-CN': '跳到主要内容', en: 'Skip to main content' },
  quickExit: { 'zh-CN': '快速离开', en: 'Exit this page' },
  quickExitHidden: { 'zh-CN': '紧急', en: 'Emergency' },
  callNow: { 'zh-CN': '如果孩子现在有危险，请立即拨打', en: 'If a child is in danger right now, call' },
  receivedTitle: { 'zh-CN': '我们收到了您的报告', en: 'We have received your report' },
  receiptIntro: { 'zh-CN': '这是您的回执号码：', en: 'This is your receipt number:' },
  receiptKeep: {
    'zh-CN': '请把它写下来，或者放在安全的地方。',
    en: 'Write it down, or keep it somewhere safe.',
  },
  receiptOnlyWay: {
    'zh-CN': '它是您回来查看报告、读工作站回复的唯一方式。',
    en: 'It is the only way back to your report and to the office’s replies.',
  },
  receiptNoRecovery: {
    'zh-CN': '谁都无法找回它，工作站也不能。这个号码只显示这一次。',
    en: 'Nobody can recover it, not even the office. It is shown only this once.',
  },
  receiptUrgent: {
    'zh-CN': '您的报告已标为紧急。如果孩子现在有危险，请不要等待，立即拨打',
    en: 'Your report is marked urgent. If a child is in danger right now, do not wait: call',
  },
  followUpLink: { 'zh-CN': '用回执号码查看回复', en: 'Check for replies with your receipt' },
  childThanks: {
    'zh-CN': '你说出来了，这是对的。这不是你的错。',
    en: 'You did the right thing by telling. It is not your fault.',
  },
  childReceipt: {
    'zh-CN': '这串数字像一把钥匙。把它记在只有你知道的地方，以后可以用它看我们给你的回复。',
    en: 'These numbers are like a key. Keep them somewhere only you know, and use them later to read our reply.',
  },
  fixTitle: { 'zh-CN': '请修改以下内容', en: 'Please fix the following' },
  send: { 'zh-CN': '发送报告', en: 'Send report' },
  optional: { 'zh-CN': '（选填）', en: '(optional)' },
  problemTitle: { 'zh-CN': '报告没有发送成功', en: 'Your report was not sent' },
  backToForm: { 'zh-CN': '返回报告页面', en: 'Back to the report page' },
  dangerYes: { 'zh-CN': '是的，孩子现在有危险', en: 'Yes, a child is in danger right now' },
} as const satisfies Record<string, Localized>;
