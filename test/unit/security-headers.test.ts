/**
 * The one definition of the headers the local runtime and CloudFront both send
 * (infra/security-headers.ts): strict enough for a site a child may read on an abuser's phone.
 */
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  officeContentSecurityPolicy,
  permissionsPolicy,
  securityHeaders,
} from '../../infra/security-headers.ts';

/** A CSP as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the content security policy', () => {
  const csp = directives(contentSecurityPolicy);

  it('allows nothing by default, and nothing but this origin wherever it allows anything', () => {
    // Act
    const sources = [...csp.entries()].flatMap(([name, list]) => list.map((source) => `${name} ${source}`));
    const foreign = sources.filter((s) => !/ '(self|none|wasm-unsafe-eval)'$/.test(s));

    // Assess
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(foreign).toEqual([]);
  });

  it('runs no inline script or style and no eval; only WebAssembly, for the search, may compile', () => {
    // Act
    const script = csp.get('script-src');
    const style = csp.get('style-src');

    // Assess
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|'unsafe-eval'|unsafe-hashes|nonce-|sha\d+-/);
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(style).toEqual(["'self'"]);
    expect(
      [...csp.entries()].filter(([, list]) => list.includes("'wasm-unsafe-eval'")).map(([n]) => n),
    ).toEqual(['script-src']);
  });

  it('lets no one frame the site, change its base or post its forms elsewhere', () => {
    // Assess
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it("gives the office console no WebAssembly, and only its identity provider's origins beyond the site's", () => {
    // Prepare
    const issuer = 'https://cognito-idp.ap-east-1.amazonaws.com';

    // Act
    const office = directives(officeContentSecurityPolicy([issuer]));

    // Assess
    expect(office.get('script-src')).toEqual(["'self'"]);
    expect(office.get('connect-src')).toEqual(["'self'", issuer]);
    expect(office.get('form-action')).toEqual(["'self'", issuer]);
    expect(office.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the other security headers', () => {
  it('ask for HTTPS for two years, on every subdomain', () => {
    // Act
    const hsts = securityHeaders['strict-transport-security'] ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);

    // Assess
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(hsts).toMatch(/;\s*includeSubDomains/);
  });

  it('send no referrer, sniff no types, allow no framing and share no window or resource', () => {
    // Assess
    expect(securityHeaders).toMatchObject({
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': contentSecurityPolicy,
      'permissions-policy': permissionsPolicy,
    });
  });

  it('deny every powerful feature the site does not use, and allow none', () => {
    // Prepare
    const features = permissionsPolicy.split(',').map((item) => item.trim());

    // Act
    const allowed = features.filter((feature) => !/^[a-z-]+=\(\)$/.test(feature));
    const denied = features.map((feature) => feature.replace('=()', ''));

    // Assess
    expect(allowed).toEqual([]);
    expect(denied).toEqual(
      expect.arrayContaining([
        'camera',
        'microphone',
        'geolocation',
        'payment',
        'usb',
        'serial',
        'hid',
        'midi',
        'display-capture',
        'clipboard-read',
        'browsing-topics',
        'publickey-credentials-get',
      ]),
    );
  });
});
