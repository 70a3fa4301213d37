/**
 * The headers every page and asset is served with, defined once: the local runtime sends them,
 * and CloudFront's response headers policy is built from them.
 */

/**
 * Content Security Policy: nothing from another origin, no inline script or style, no framing.
 * Scripts, styles, images, workers and API calls come from this origin only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Browser features the portal never uses, all denied. */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/** Every security header, by lower-case name. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': permissionsPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The office console's CSP: the site's, plus the identity provider's origins for discovery and
 * the token exchange (`connect-src`) and for its sign-in form (`form-action`). Top-level
 * navigation to the sign-in page is not something CSP restricts.
 * @example officeContentSecurityPolicy(['https://cognito-idp.ap-east-1.amazonaws.com', 'https://hutong.auth.ap-east-1.amazoncognito.com'])
 */
export function officeContentSecurityPolicy(identityOrigins: readonly string[]): string {
  const origins = identityOrigins.join(' ');
  return contentSecurityPolicy
    .split('; ')
    .map((directive) => {
      if (directive.startsWith('connect-src ')) return `${directive} ${origins}`;
      if (directive.startsWith('form-action ')) return `${directive} ${origins}`;
      return directive;
    })
    .join('; ');
}

/** The console's headers: the site's, its own CSP, never cached, never indexed. */
export function officeHeaders(identityOrigins: readonly string[]): Record<string, string> {
  return {
    ...securityHeaders,
    'content-security-policy': officeContentSecurityPolicy(identityOrigins),
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
  };
}
