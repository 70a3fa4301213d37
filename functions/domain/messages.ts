/**
 * What the API says to people, in every language: one sentence per error code, written so a
 * person knows what to do next. Pure data.
 */
import type { Localized } from './languages.ts';

/** The error codes of the public API, each with its message. */
export const errorMessages = {
  invalid_report: {
    'zh-CN': '报告还不能发送：请按提示修改标出的内容，再发送一次。',
    en: 'The report could not be sent yet: please fix the marked answers and send it again.',
  },
  invalid_json: {
    'zh-CN': '请求的内容不是有效的 JSON，无法读取。',
    en: 'The request body is not valid JSON, so it could not be read.',
  },
  invalid_request: {
    'zh-CN': '请按提示修改标出的内容，再试一次。',
    en: 'Please fix what is marked and try again.',
  },
  invalid_idempotency_key: {
    'zh-CN': 'Idempotency-Key 必须是一个 UUID。',
    en: 'The Idempotency-Key header must be a UUID.',
  },
  idempotency_key_reused: {
    'zh-CN': '这个 Idempotency-Key 已用于另一份不同的报告。请为新报告使用新的密钥。',
    en: 'This Idempotency-Key was already used for a different report. Use a new key for a new report.',
  },
  payload_too_large: {
    'zh-CN': '发送的内容太大（最多 64 KB）。请缩短文字后再试。',
    en: 'What you sent is too large (64 KB at most). Please shorten the text and try again.',
  },
  unsupported_media_type: {
    'zh-CN': '请以 application/json 格式发送。',
    en: 'Please send the request as application/json.',
  },
  not_found: {
    'zh-CN': '没有找到这个地址。',
    en: 'There is nothing at this address.',
  },
  method_not_allowed: {
    'zh-CN': '这个地址不支持这种请求方法。',
    en: 'This address does not accept that request method.',
  },
  proof_of_work: {
    'zh-CN': '安全验证没有通过或已过期，请再发送一次。页面会自动重新验证。',
    en: 'The security check failed or expired. Please send again; the page checks again by itself.',
  },
  too_many_reports: {
    'zh-CN': '现在收到的报告太多，请稍后再试。如果孩子现在有危险，请立即拨打 110。',
    en: 'Too many reports right now, please try again later. If a child is in danger right now, call 110.',
  },
  receipt_not_found: {
    'zh-CN': '没有找到这个回执号码对应的报告。请检查 16 位数字后再试。',
    en: 'No report was found for this receipt. Please check the 16 digits and try again.',
  },
  unauthorized: {
    'zh-CN': '请先登录。',
    en: 'Please sign in.',
  },
  forbidden: {
    'zh-CN': '您的账号不能做这件事。',
    en: "Your account can't do this.",
  },
  invalid_transition: {
    'zh-CN': '这份报告现在不能这样处理。下面列出了现在可以做的。',
    en: "This report can't move that way now. What it can do now is listed.",
  },
  stale_version: {
    'zh-CN': '刚刚有人更新过这里的内容。请先看看最新的情况，再决定要做什么。',
    en: 'Someone else changed this just now. Look at how it stands now, then decide again.',
  },
  own_workshop: {
    'zh-CN': '这是您写过或改过的课程，不能由您自己审核。请找另一位审核人审核。',
    en: 'You wrote or edited this workshop, so you cannot review it. Please ask another reviewer.',
  },
  wrong_state: {
    'zh-CN': '这个课程现在的状态不能这样操作。请刷新后看看它现在在哪一步。',
    en: "This workshop can't take that step in the state it is in now. Reload it to see where it stands.",
  },
  translation_key_taken: {
    'zh-CN': '这个语言里已经有一个课程用了这个标识（translationKey）。请换一个标识。',
    en: 'Another workshop in this language already uses this translation key. Please choose another.',
  },
  too_large: {
    'zh-CN': '文件太大了（最多 4 MB）。请压缩后再上传。',
    en: 'The file is too large (4 MB at most). Please make it smaller and upload it again.',
  },
  unsupported_type: {
    'zh-CN': '只能上传 PDF、JPEG 或 PNG 文件。',
    en: 'Only PDF, JPEG or PNG files can be uploaded.',
  },
  unreadable_file: {
    'zh-CN': '这个文件打不开，或者内容和它的类型不符。请换一个文件再试。',
    en: 'This file could not be read, or it is not what its type says. Please try another file.',
  },
  too_many_handouts: {
    'zh-CN': '一个课程最多有 5 份讲义。请先删除一份再上传。',
    en: 'A workshop has at most 5 handouts. Please remove one before uploading another.',
  },
  service_unavailable: {
    'zh-CN': '报告暂时没能保存，请稍后再发送一次，您的文字不会丢失。如果孩子现在有危险，请立即拨打 110。',
    en: 'Your report could not be saved just now. Please send it again in a moment; your text is kept. If a child is in danger right now, call 110.',
  },
  internal_error: {
    'zh-CN': '系统出了问题，报告没有保存。请稍后再试。如果孩子现在有危险，请立即拨打 110。',
    en: 'Something went wrong and the report was not saved. Please try again later. If a child is in danger right now, call 110.',
  },
} as const satisfies Record<string, Localized>;

/** A code the API can answer with. */
export type ErrorCode = keyof typeof errorMessages;

/** How each kind of field problem is said; `{field}`, `{min}`, `{max}` and `{count}` are filled in. */
export const issueMessages = {
  required: { 'zh-CN': '{field}：请填写这一项。', en: '{field}: please answer this.' },
  wrongType: { 'zh-CN': '{field}：格式不对。', en: '{field}: this is not in the right format.' },
  textTooShort: {
    'zh-CN': '{field}：请至少写 {min} 个字（现在是 {count} 个）。',
    en: '{field}: please write at least {min} characters (you wrote {count}).',
  },
  textTooLong: {
    'zh-CN': '{field}：最多写 {max} 个字（现在是 {count} 个）。',
    en: '{field}: please write at most {max} characters (you wrote {count}).',
  },
  tooFewChoices: {
    'zh-CN': '{field}：请至少选择 {min} 项。',
    en: '{field}: please choose at least {min}.',
  },
  tooManyChoices: {
    'zh-CN': '{field}：最多选择 {max} 项。',
    en: '{field}: please choose at most {max}.',
  },
  notAnOption: {
    'zh-CN': '{field}：请从给出的选项中选择。',
    en: '{field}: please choose one of the options given.',
  },
  receiptFormat: {
    'zh-CN': '{field}：请输入 16 位数字的回执号码，可以带空格。',
    en: '{field}: please type the 16 digits of your receipt; spaces are fine.',
  },
  duplicateChoice: {
    'zh-CN': '{field}：每一项只能选一次。',
    en: '{field}: each option can be chosen only once.',
  },
  unknownField: {
    'zh-CN': '“{field}”不是报告中的内容，请删除它。',
    en: '"{field}" is not part of a report; please remove it.',
  },
  notAnObject: {
    'zh-CN': '报告必须是一个 JSON 对象。',
    en: 'A report must be a JSON object.',
  },
  unknownRequestField: {
    'zh-CN': '“{field}”不是这里需要的内容，请删除它。',
    en: '"{field}" is not asked for here; please remove it.',
  },
  notARequestObject: {
    'zh-CN': '请求的内容必须是一个 JSON 对象。',
    en: 'The request must be a JSON object.',
  },
  unknownSession: {
    'zh-CN': '{field}：这个课程没有这个场次。新场次请不要填写 id。',
    en: '{field}: this workshop has no such session. Leave id out for a new session.',
  },
  repeatedSession: {
    'zh-CN': '{field}：同一个场次出现了两次。',
    en: '{field}: the same session is listed twice.',
  },
  fixedAfterCreate: {
    'zh-CN': '{field}：课程创建后就不能再改。如需另一个语言或标识，请新建一个课程。',
    en: '{field}: this cannot change once a workshop exists. Start a new workshop for another language or key.',
  },
  groupSizeOrder: {
    'zh-CN': '{field}：最少人数不能多于最多人数。',
    en: '{field}: the smallest group size must not be larger than the largest.',
  },
  agendaMinutes: {
    'zh-CN': '{field}：议程各项的分钟数加起来要等于课程时长。',
    en: "{field}: the agenda's minutes must add up to the workshop's duration.",
  },
  sessionEndsAfterStart: {
    'zh-CN': '{field}：结束时间要晚于开始时间。',
    en: '{field}: a session must end after it starts.',
  },
  calendarDate: {
    'zh-CN': '{field}：这一天在日历上不存在。',
    en: '{field}: this day is not on the calendar.',
  },
  linkTarget: {
    'zh-CN': '{field}：链接只能指向网页（https://）、邮箱（mailto:）或电话（tel:）。',
    en: '{field}: links can only go to a web page (https://), an email address (mailto:) or a phone number (tel:).',
  },
  markdownImage: {
    'zh-CN': '{field}：文字里不能放图片。图片请作为讲义文件上传。',
    en: "{field}: pictures can't be placed in the text. Upload them as handout files instead.",
  },
} as const satisfies Record<string, Localized>;

/**
 * The workshop and session schemas' own rules (functions/domain/workshop.ts), by the message each
 * rule carries, and how each is said to a person.
 */
export const ruleIssues: ReadonlyMap<string, keyof typeof issueMessages> = new Map([
  ['groupSize.min must not exceed groupSize.max', 'groupSizeOrder'],
  ["the agenda's minutes must add up to durationMinutes", 'agendaMinutes'],
  ['a session must end after it starts', 'sessionEndsAfterStart'],
  ['not a calendar date', 'calendarDate'],
  ['a link the site refuses', 'linkTarget'],
  ['a picture in the text', 'markdownImage'],
]);
