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
    'zh-CN': '这份报告刚刚被别人更新过。请先看看最新的情况，再决定要做什么。',
    en: 'Someone else changed this report just now. Look at how it stands now, then decide again.',
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
} as const satisfies Record<string, Localized>;
