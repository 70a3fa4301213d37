/**
 * The words of the pages a function renders for people without JavaScript. Keys and words are
 * the site's own (site/src/i18n), so the two read the same; test/site fails when they drift.
 * Keys under `page.` exist only here. Field labels and options come from the domain.
 */
import type { Language, Localized } from '../../domain/languages.ts';

/** Every string the function-rendered pages use, by the site's key. */
export const pageStrings = {
  'skip.main': { 'zh-CN': '跳到正文', en: 'Skip to main content' },
  'quickExit.label': { 'zh-CN': '快速离开', en: 'Exit this page' },
  'quickExit.hidden': { 'zh-CN': '紧急', en: 'Emergency' },
  'quickExit.press2': { 'zh-CN': 'Shift 键，再按 2 次即可离开。', en: 'Shift, press 2 more times to exit.' },
  'quickExit.press1': { 'zh-CN': 'Shift 键，再按 1 次即可离开。', en: 'Shift, press 1 more time to exit.' },
  'quickExit.expired': { 'zh-CN': '快速离开已超时。', en: 'Exit this page expired.' },
  'site.tagline': { 'zh-CN': '社区儿童保护', en: 'Community child protection' },
  'footer.phones': { 'zh-CN': '需要马上帮助，请打电话', en: 'Need help now? Call' },
  'footer.pages': { 'zh-CN': '网站页面', en: 'Pages on this site' },
  'footer.privacy': {
    'zh-CN': '本网站不使用 Cookie，也不在您的浏览器里保存任何内容。',
    en: 'This site sets no cookies and stores nothing in your browser.',
  },
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'nav.report': { 'zh-CN': '报告对孩子的担忧', en: 'Report a worry about a child' },
  'nav.followUp': { 'zh-CN': '查看报告进展', en: 'Check on a report' },
  'nav.children': { 'zh-CN': '给孩子', en: 'For children' },
  'nav.learn': { 'zh-CN': '居民和家长学习', en: 'For residents and parents' },
  'nav.stayingSafe': { 'zh-CN': '安全浏览', en: 'Staying safe while you browse' },
  'emergency.callout': {
    'zh-CN': '如果孩子现在有危险，请立即拨打 {number}。',
    en: 'If a child is in danger right now, call {number}.',
  },
  'form.optional': { 'zh-CN': '（选填）', en: '(optional)' },
  'form.errorPrefix': { 'zh-CN': '错误：', en: 'Error:' },
  'report.title': { 'zh-CN': '报告对孩子的担忧', en: 'Report a worry about a child' },
  'report.emergency': {
    'zh-CN': '如果孩子现在有危险，请先拨打 {number}，再填写这份表格。',
    en: 'If a child is in danger right now, call {number} first, then fill in this form.',
  },
  'report.community.hint': { 'zh-CN': '孩子在哪个社区？', en: 'Which community is the child in?' },
  'report.categories.hint': { 'zh-CN': '可以选 {min} 到 {max} 项。', en: 'Choose between {min} and {max}.' },
  'report.reporterRole.hint': {
    'zh-CN': '这只是帮助我们理解情况，不会用来找出您是谁。',
    en: 'This only helps us understand; it is never used to find out who you are.',
  },
  'report.childAgeBand.hint': { 'zh-CN': '大概的年龄就可以。', en: 'A rough age is enough.' },
  'report.immediateDanger.yes': {
    'zh-CN': '是的，孩子现在有危险',
    en: 'Yes, a child is in danger right now',
  },
  'report.immediateDanger.hint': {
    'zh-CN': '如果勾选，页面顶部会显示报警电话。请先打电话，再发送报告。',
    en: 'If you tick this, the emergency number appears at the top of the page. Call first, then send the report.',
  },
  'report.description.hint': {
    'zh-CN':
      '写下您看到或听到的事：发生了什么，什么时候，多久一次。不需要写孩子或任何人的姓名。请写 {min} 到 {max} 个字。',
    en: "Write what you saw or heard: what happened, when, and how often. You don't need to give the name of the child or anyone else. Between {min} and {max} characters.",
  },
  'report.location.hint': {
    'zh-CN': '比如小区、楼栋、学校或街道。',
    en: 'For example an estate, a building, a school or a street.',
  },
  'report.contact.anonymous': {
    'zh-CN': '不留联系方式，您就是完全匿名的：工作站无法知道您是谁。',
    en: 'If you leave no contact details, you stay fully anonymous: the office cannot know who you are.',
  },
  'report.contact.summary': { 'zh-CN': '留下联系方式（选填）', en: 'Leave a way to contact you (optional)' },
  'report.contact.hint': {
    'zh-CN': '如果您愿意，可以留下电话或微信号，工作站可能会联系您了解更多情况。最多 {max} 个字。',
    en: 'If you want, leave a phone number or WeChat ID, and the office may contact you to learn more. {max} characters at most.',
  },
  'report.send': { 'zh-CN': '发送报告', en: 'Send report' },
  'report.danger.text': {
    'zh-CN': '孩子现在有危险：请先打电话，报告可以稍后再发。',
    en: 'A child is in danger: call first. You can send the report afterwards.',
  },
  'report.danger.call': { 'zh-CN': '现在拨打 {number}', en: 'Call {number} now' },
  'report.errors.title': { 'zh-CN': '请修改以下内容', en: 'There is a problem' },
  'report.failed.title': { 'zh-CN': '报告还没有发送成功', en: 'Your report has not been sent yet' },
  'report.child.welcome': { 'zh-CN': '你说出来，做得很对。', en: 'You did the right thing by telling.' },
  'report.child.notYourFault': { 'zh-CN': '这不是你的错。', en: 'It is not your fault.' },
  'report.child.asMuch': {
    'zh-CN': '你想说多少就说多少。不用写你的名字。',
    en: "You can tell as much or as little as you want. You don't need to write your name.",
  },
  'report.child.skip': {
    'zh-CN': '标着“（选填）”的问题，都可以跳过。',
    en: 'You can skip any question marked “(optional)”.',
  },
  'report.child.noScript': {
    'zh-CN': '请选一下是什么样的事、几岁。不确定的话，就选“其他”和“不知道”。',
    en: "Please also tick what it is about and how old. If you're not sure, choose “Something else” and “I don't know”.",
  },
  'report.child.communityHint': {
    'zh-CN': '事情发生在哪个社区？不确定的话，选离你最近的那个。',
    en: "Which community did it happen in? If you're not sure, choose the one nearest to you.",
  },
  'report.child.categories': { 'zh-CN': '是什么样的事？', en: 'What is it about?' },
  'report.child.categoriesHint': {
    'zh-CN': '选一个或几个最像的就好。',
    en: 'Choose the ones that fit best.',
  },
  'report.child.childAgeBand': {
    'zh-CN': '几岁了？（你自己，或者你的朋友）',
    en: 'How old are you, or your friend?',
  },
  'report.child.immediateDanger': {
    'zh-CN': '你或你的朋友现在有危险吗？',
    en: 'Are you or your friend in danger right now?',
  },
  'report.child.immediateDangerYes': { 'zh-CN': '是的，现在有危险', en: 'Yes, right now' },
  'report.child.description': { 'zh-CN': '发生了什么事？', en: 'What happened?' },
  'report.child.descriptionHint': {
    'zh-CN': '用你自己的话写就好，写错字也没关系。至少写 {min} 个字。',
    en: "Use your own words. Spelling doesn't matter. Write at least {min} characters.",
  },
  'report.child.location': { 'zh-CN': '在哪里发生的？', en: 'Where did it happen?' },
  'report.child.locationHint': {
    'zh-CN': '比如学校、家里、小区或者网上。',
    en: 'For example at school, at home, near where you live, or online.',
  },
  'report.child.contactSummary': {
    'zh-CN': '想让我们联系你吗？（可以不填）',
    en: 'Do you want us to contact you? (you can skip this)',
  },
  'report.child.contactAnonymous': {
    'zh-CN': '不留联系方式的话，没有人会知道你是谁。',
    en: "If you don't leave a way to contact you, nobody can know who you are.",
  },
  'report.child.contactHint': {
    'zh-CN': '只留下你觉得安全的方式，比如一位你信任的大人的电话。',
    en: 'Only leave a way that feels safe, like the phone number of an adult you trust.',
  },
  'report.receipt.title': { 'zh-CN': '报告已收到', en: 'Your report has been received' },
  'report.receipt.lead': { 'zh-CN': '这是您的回执号码：', en: 'This is your receipt number:' },
  'report.receipt.writeDown': {
    'zh-CN': '请把号码抄下来，或者保存在安全的地方。',
    en: 'Write it down, or keep it somewhere safe.',
  },
  'report.receipt.onlyWay': {
    'zh-CN': '这是以后查看回复、补充情况的唯一方式。',
    en: 'It is the only way back to your report, to read replies or add information.',
  },
  'report.receipt.noRecovery': {
    'zh-CN': '号码丢了，谁都无法找回，工作站也不能。',
    en: 'If it is lost, nobody can recover it — not even the office.',
  },
  'report.receipt.once': { 'zh-CN': '这个号码只显示这一次。', en: 'It is shown only this once.' },
  'report.receipt.urgent': {
    'zh-CN': '您的报告已标为紧急，工作站会优先处理。',
    en: 'Your report is marked urgent, so the office will deal with it first.',
  },
  'report.receipt.childThanks': {
    'zh-CN': '谢谢你告诉我们。你做得很对，这不是你的错。',
    en: 'Thank you for telling us. You did the right thing, and it is not your fault.',
  },
  'report.receipt.childKey': {
    'zh-CN': '这串数字就像一把钥匙。把它记在只有你知道的地方。过几天，用它来看我们给你的回复。',
    en: 'These numbers are like a key. Keep them somewhere only you know. In a few days, use them to read our reply.',
  },
  'report.receipt.followUp': {
    'zh-CN': '以后凭回执号码查看回复',
    en: 'Check for replies later with your receipt',
  },
  'report.receipt.done': {
    'zh-CN': '我已经记下了，返回首页',
    en: "I've written it down — back to the home page",
  },
  'page.backToForm': { 'zh-CN': '回到报告页面', en: 'Back to the report page' },
  'page.backKeeps': {
    'zh-CN': '按浏览器的“返回”，刚才填写的内容通常还在。',
    en: "Your browser's Back button usually keeps what you wrote.",
  },
} as const satisfies Record<string, Localized>;

/** A key of the function-rendered pages' strings. */
export type PageKey = keyof typeof pageStrings;

/**
 * The string `key` in `language`, with its `{placeholders}` filled.
 * @example say('en', 'report.categories.hint', { min: 1, max: 5 }) // 'Choose between 1 and 5.'
 */
export function say(language: Language, key: PageKey, values: Record<string, string | number> = {}): string {
  return pageStrings[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
