/**
 * Human labels for the report contract's fields and options, in every language. The site's
 * form and the API's error messages both read them, so a field is named the same everywhere.
 */
import type { Localized } from './languages.ts';
import type { Category, ChildAgeBand, Ongoing, ReporterRole, ReportField } from './report.ts';

/** Every field a public request can carry: the report's, the follow-up's and the request's own. */
export type ApiField = ReportField | 'receipt' | 'body' | 'altcha' | 'website';

/** What each field is called, as the forms ask it. */
export const fieldLabels: Record<ApiField, Localized> = {
  community: { 'zh-CN': '社区', en: 'Community' },
  categories: { 'zh-CN': '您担心的情况', en: 'What you are worried about' },
  reporterRole: { 'zh-CN': '您是谁', en: 'Who you are' },
  childAgeBand: { 'zh-CN': '孩子的年龄', en: "The child's age" },
  immediateDanger: { 'zh-CN': '孩子现在有危险吗', en: 'Is the child in danger right now' },
  description: { 'zh-CN': '发生了什么', en: 'What happened' },
  location: { 'zh-CN': '在哪里', en: 'Where' },
  ongoing: { 'zh-CN': '现在还在发生吗', en: 'Is it still happening' },
  contact: { 'zh-CN': '联系方式', en: 'How to contact you' },
  language: { 'zh-CN': '语言', en: 'Language' },
  receipt: { 'zh-CN': '回执号码', en: 'Receipt number' },
  body: { 'zh-CN': '您想补充的内容', en: 'Your message' },
  altcha: { 'zh-CN': '安全验证', en: 'Security check' },
  website: { 'zh-CN': '网站', en: 'Website' },
};

/** A category's short label and a hint of what it covers. */
export const categoryLabels: Record<Category, { label: Localized; hint: Localized }> = {
  physical_abuse: {
    label: { 'zh-CN': '身体伤害', en: 'Physical harm' },
    hint: { 'zh-CN': '打、踢、烫伤等造成的伤害', en: 'Hitting, kicking, burning or other injury' },
  },
  sexual_abuse: {
    label: { 'zh-CN': '性侵害', en: 'Sexual abuse' },
    hint: {
      'zh-CN': '触摸隐私部位、让孩子看或拍不雅内容等',
      en: 'Touching private parts, showing or taking sexual images, and similar',
    },
  },
  emotional_abuse: {
    label: { 'zh-CN': '精神伤害', en: 'Emotional harm' },
    hint: { 'zh-CN': '长期辱骂、恐吓、羞辱或冷落', en: 'Constant insults, threats, humiliation or coldness' },
  },
  neglect: {
    label: { 'zh-CN': '缺乏照顾', en: 'Neglect' },
    hint: {
      'zh-CN': '没人照看、吃不饱穿不暖、生病不医、不让上学',
      en: 'Left alone, hungry or cold, untreated illness, kept from school',
    },
  },
  bullying: {
    label: { 'zh-CN': '欺凌', en: 'Bullying' },
    hint: {
      'zh-CN': '同学之间反复的打骂、排挤、勒索，包括网上',
      en: 'Repeated hurting, shutting out or extortion between students, online too',
    },
  },
  online_harm: {
    label: { 'zh-CN': '网络伤害', en: 'Online harm' },
    hint: {
      'zh-CN': '网上诱骗、索要照片、威胁或不良内容',
      en: 'Grooming, requests for photos, threats or harmful content online',
    },
  },
  child_labour: {
    label: { 'zh-CN': '童工', en: 'Child labour' },
    hint: { 'zh-CN': '让未满 16 岁的孩子做工', en: 'A child under 16 made to work' },
  },
  trafficking_or_begging: {
    label: { 'zh-CN': '拐卖或组织乞讨', en: 'Trafficking or organised begging' },
    hint: {
      'zh-CN': '来历不明、被拐卖或被组织乞讨的孩子',
      en: 'A child of unknown origin, trafficked or made to beg',
    },
  },
  self_harm: {
    label: { 'zh-CN': '自伤或轻生念头', en: 'Self-harm or thoughts of suicide' },
    hint: {
      'zh-CN': '孩子伤害自己，或说不想活了',
      en: 'The child hurts themself, or talks about not wanting to live',
    },
  },
  other: {
    label: { 'zh-CN': '其他', en: 'Something else' },
    hint: { 'zh-CN': '别的让您担心的情况', en: 'Anything else that worries you' },
  },
};

/** Who the reporter is. */
export const reporterRoleLabels: Record<ReporterRole, Localized> = {
  resident: { 'zh-CN': '邻居或社区居民', en: 'A neighbour or resident' },
  parent_or_family: { 'zh-CN': '孩子的家长或亲属', en: "The child's parent or relative" },
  child_self: { 'zh-CN': '我是孩子，说的是我自己', en: "I'm a child, telling about me" },
  child_friend: { 'zh-CN': '我是孩子，说的是我的朋友', en: "I'm a child, telling about a friend" },
  professional: {
    'zh-CN': '老师、医生、社工等工作人员',
    en: 'A teacher, doctor, social worker or other professional',
  },
  other: { 'zh-CN': '其他', en: 'Someone else' },
};

/** The child's age band, as a person would say it. */
export const childAgeBandLabels: Record<ChildAgeBand, Localized> = {
  '0-7': { 'zh-CN': '0–7 岁', en: '0–7 years' },
  '8-13': { 'zh-CN': '8–13 岁', en: '8–13 years' },
  '14-15': { 'zh-CN': '14–15 岁', en: '14–15 years' },
  '16-17': { 'zh-CN': '16–17 岁', en: '16–17 years' },
  unknown: { 'zh-CN': '不知道', en: "I don't know" },
};

/** Whether the harm is still happening. */
export const ongoingLabels: Record<Ongoing, Localized> = {
  yes: { 'zh-CN': '是，还在发生', en: 'Yes, it is still happening' },
  no: { 'zh-CN': '没有，已经停止', en: 'No, it has stopped' },
  unknown: { 'zh-CN': '不清楚', en: "I'm not sure" },
};
