/**
 * The local identity provider's pages: sign in, sign out, and what went wrong, in both of the
 * portal's languages. Plain HTML forms with a stylesheet and no script at all, served under a
 * CSP of their own. Every value that came from a request is escaped, and errors are text.
 */
import { type Language, pickLanguage } from '../../../functions/domain/languages.ts';

const text = {
  'zh-CN': {
    brand: '护童',
    signInTitle: '工作人员登录',
    signInIntro: '登录社区儿童保护工作台。',
    username: '用户名',
    password: '密码',
    submit: '登录',
    wrongPassword: '用户名或密码不正确。请检查后重试。',
    missingFields: '请填写用户名和密码。',
    devNote: '这是本机开发用的登录页。npm start 启动时会打印工作人员账号和共用密码。',
    errorTitle: '无法继续',
    expired: '这个登录页面已过期。请回到工作台重新登录。',
    failed: '登录没有完成。请回到工作台重新登录。',
    signOutTitle: '退出登录',
    signOutQuestion: '要退出护童工作台吗？',
    signOutYes: '退出登录',
    signOutNo: '保持登录',
    signedOut: '您已退出登录。',
  },
  en: {
    brand: 'Hutong',
    signInTitle: 'Staff sign-in',
    signInIntro: 'Sign in to the community child protection console.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrongPassword: 'The username or password is wrong. Check them and try again.',
    missingFields: 'Enter your username and password.',
    devNote:
      'This is the sign-in page for local development. npm start prints the staff accounts and their shared password.',
    errorTitle: 'Cannot continue',
    expired: 'This sign-in page has expired. Go back to the console and sign in again.',
    failed: 'Signing in did not finish. Go back to the console and sign in again.',
    signOutTitle: 'Sign out',
    signOutQuestion: 'Sign out of the Hutong console?',
    signOutYes: 'Sign out',
    signOutNo: 'Stay signed in',
    signedOut: 'You have signed out.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** A message every page can show. */
export type PageMessage = 'wrongPassword' | 'missingFields' | 'expired' | 'failed';

/** Where the pages' stylesheet is served, on the provider's own origin. */
export const stylesheetPath = '/sign-in.css';

/** The pages' only stylesheet: readable at phone width, system fonts, no colour-only cues. */
export const stylesheet = `
body{margin:0;font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;color:#1b1b1b;background:#f6f5f2}
main{max-inline-size:26rem;margin-block:3rem;margin-inline:auto;padding:1.5rem;background:#fff;border:1px solid #cfccc4;border-radius:6px}
h1{font-size:1.5rem;margin-block:0 .5rem}
label{display:block;font-weight:600;margin-block-start:1rem}
input{box-sizing:border-box;inline-size:100%;font:inherit;padding:.5rem;border:2px solid #55524c;border-radius:4px}
input:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
button{margin-block-start:1.25rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8;border:2px solid #1d4ed8;margin-inline-start:.5rem}
.error{border-inline-start:4px solid #b91c1c;padding:.5rem .75rem;background:#fef2f2;font-weight:600}
.note{font-size:.875rem;color:#4b4840}
`.trim();

/** The language of a page: the authorization request's `ui_locales`, else `Accept-Language`. */
export function pageLanguage(uiLocales: unknown, acceptLanguage: string | undefined): Language {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.toLowerCase().split(/\s+/)) {
      if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
      if (tag === 'en' || tag.startsWith('en-')) return 'en';
    }
  }
  return pickLanguage(acceptLanguage);
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} — ${text[language].brand}</title>
<link rel="stylesheet" href="${stylesheetPath}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The sign-in form, posting back to `action`; `message` explains a refused attempt. */
export function signInPage(options: {
  language: Language;
  action: string;
  username?: string;
  message?: PageMessage;
}): string {
  const t = text[options.language];
  const error = options.message
    ? `<p class="error" id="sign-in-error" role="alert">${escapeHtml(t[options.message])}</p>\n`
    : '';
  const invalid = options.message ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  return layout(
    options.language,
    t.signInTitle,
    `<h1>${t.signInTitle}</h1>
<p>${t.signInIntro}</p>
${error}<form method="post" action="${escapeHtml(options.action)}" novalidate>
<label for="username">${t.username}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(options.username ?? '')}"${invalid}>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">${t.submit}</button>
</form>
<p class="note">${t.devNote}</p>`,
  );
}

/** A page that says why the flow cannot go on, and what to do. */
export function errorPage(language: Language, message: PageMessage): string {
  const t = text[language];
  return layout(
    language,
    t.errorTitle,
    `<h1>${t.errorTitle}</h1>\n<p role="alert">${escapeHtml(t[message])}</p>`,
  );
}

/** The sign-out confirmation; `form` is the provider's hidden form (its action and anti-forgery field). */
export function signOutPage(language: Language, form: string): string {
  const t = text[language];
  return layout(
    language,
    t.signOutTitle,
    `<h1>${t.signOutTitle}</h1>
<p>${t.signOutQuestion}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${t.signOutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.signOutNo}</button>`,
  );
}

/** Shown after signing out when the console gave no address to return to. */
export function signedOutPage(language: Language): string {
  const t = text[language];
  return layout(language, t.signOutTitle, `<h1>${t.signOutTitle}</h1>\n<p>${t.signedOut}</p>`);
}

/**
 * The pages' headers: nothing but this origin's stylesheet, no script, and forms that may post
 * here and be redirected on to the console (browsers apply `form-action` to redirects). The one
 * page oidc-provider renders itself with a script (an auto-submitting form, when someone signs
 * out with no session left) adds that script's hash to `script-src`, which then allows exactly it.
 */
export function pageHeaders(consoleOrigin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'none'",
      "style-src 'self'",
      `form-action 'self' ${consoleOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'x-robots-tag': 'noindex, nofollow',
  };
}
