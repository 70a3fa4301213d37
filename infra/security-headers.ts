/**
 * The headers every page and asset is served with, defined once: the local runtime sends them,
 * and CloudFront's response headers policy is built from them.
 */

/**
 * Content Security Policy: nothing from another origin, no inline script or style, no eval, no
 * framing. Scripts, styles, images, workers and API calls come from this origin only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  // Search is Pagefind, which compiles its WebAssembly from /pagefind/ (this origin): Chromium
  // refuses WebAssembly.instantiate without 'wasm-unsafe-eval', and the search page then says
  // search is not working (test/e2e/search.test.ts). It allows no eval of JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Browser features the portal never uses, all denied to it and to anything it could embed:
 * sensors, camera and microphone, location, screen capture, payment, device access (USB, serial,
 * HID, MIDI), credentials, clipboard, fullscreen, and the advertising and topics APIs. Reading
 * aloud uses speech synthesis, which needs no permission. Only names Chromium knows are listed:
 * it logs an error for any other.
 */
export const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-write',
  'compute-pressure',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

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
 * The office console's CSP: the site's without WebAssembly, plus the identity provider's origins
 * for discovery and the token exchange (`connect-src`) and for its sign-in form (`form-action`).
 * Top-level navigation to the sign-in page is not something CSP restricts.
 * @example officeContentSecurityPolicy(['https://cognito-idp.ap-east-1.amazonaws.com', 'https://hutong.auth.ap-east-1.amazoncognito.com'])
 */
export function officeContentSecurityPolicy(identityOrigins: readonly string[]): string {
  const origins = identityOrigins.join(' ');
  return contentSecurityPolicy
    .split('; ')
    .map((directive) => {
      // The console has no search: it gets no WebAssembly either.
      if (directive.startsWith('script-src ')) return "script-src 'self'";
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

/**
 * Where the site's content-hashed files are: Astro names each by its content, so a file under it
 * never changes; a new build makes new names.
 */
export const hashedAssetsPath = '/_astro/';

/**
 * How long a browser keeps a site file: a hashed one for a year without asking again; a page (and
 * any other file with a stable name) must ask every time, so a publish or a fix shows at once.
 */
export const siteCacheControl = {
  hashed: 'public, max-age=31536000, immutable',
  page: 'no-cache',
} as const;

/**
 * The headers a file of the public site is served with, by its path: the security headers and its
 * caching. The local runtime sends these, and CloudFront's site policies are built from them.
 * @example siteHeaders('/_astro/site.3f2a.css')['cache-control'] // 'public, max-age=31536000, immutable'
 */
export function siteHeaders(pathname: string): Record<string, string> {
  const hashed = pathname.startsWith(hashedAssetsPath);
  return { ...securityHeaders, 'cache-control': hashed ? siteCacheControl.hashed : siteCacheControl.page };
}
