/**
 * The email Cognito sends a new staff account, in Chinese then English: the username, the
 * temporary password (`{####}`, Cognito's placeholder) and where to sign in. Text only.
 */

/** How long a temporary password works; after that a lead sends a new invitation. */
export const temporaryPasswordDays = 3;

/** Where the console is, in each language. */
export interface ConsoleUrls {
  'zh-CN': string;
  en: string;
}

/** The invitation's subject and body, for `UserPool`'s `userInvitation`. */
export function invitationMessage(urls: ConsoleUrls): { emailSubject: string; emailBody: string } {
  const zh = [
    '您好！您的护童社区办公室账号已经开通。',
    '用户名：{username}',
    '临时密码：{####}',
    `请在 ${temporaryPasswordDays} 天内打开 ${urls['zh-CN']} 登录。首次登录时请设置新密码，` +
      '并用手机上的身份验证器应用（如 Microsoft Authenticator、腾讯身份验证器）扫描二维码，绑定动态验证码。',
    '如果您没有申请这个账号，请忽略本邮件并告知您的社区办公室负责人。',
  ];
  const en = [
    'Hello. Your Hutong community office account is ready.',
    'Username: {username}',
    'Temporary password: {####}',
    `Sign in within ${temporaryPasswordDays} days at ${urls.en}. The first time, you choose a new ` +
      'password and scan a QR code with an authenticator app on your phone (for example Microsoft ' +
      'Authenticator) to set up one-time codes.',
    'If you did not expect this account, ignore this email and tell your office lead.',
  ];
  return {
    emailSubject: '护童社区办公室账号 / Your Hutong office account',
    emailBody: [...zh, '——', ...en].join('<br><br>'),
  };
}
