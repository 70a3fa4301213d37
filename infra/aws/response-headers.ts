/**
 * Turns the shared security headers (`infra/security-headers.ts`, also sent by the local runtime)
 * into CloudFront response headers policy props, so both targets send the same headers. A value
 * CloudFront cannot express throws at synth rather than drifting silently.
 */
import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  type ResponseHeadersPolicyProps,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

type SecurityBehavior = {
  -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K];
};

/** Our headers always win over anything an origin sends. */
const override = true;

function unsupported(name: string, value: string): never {
  throw new Error(`CloudFront cannot send ${name}: ${value}`);
}

function strictTransportSecurity(value: string): SecurityBehavior['strictTransportSecurity'] {
  const directives = value.split(';').map((d) => d.trim().toLowerCase());
  const maxAge = /^max-age=(\d+)$/.exec(directives[0] ?? '')?.[1];
  if (maxAge === undefined) unsupported('strict-transport-security', value);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: directives.includes('includesubdomains'),
    preload: directives.includes('preload'),
    override,
  };
}

/** Applies one header to the security behaviour; false when CloudFront has no field for it. */
function applySecurityHeader(behavior: SecurityBehavior, name: string, value: string): boolean {
  switch (name) {
    case 'content-security-policy':
      behavior.contentSecurityPolicy = { contentSecurityPolicy: value, override };
      return true;
    case 'strict-transport-security':
      behavior.strictTransportSecurity = strictTransportSecurity(value);
      return true;
    case 'referrer-policy': {
      const policy = Object.values(HeadersReferrerPolicy).find((p) => p === value);
      behavior.referrerPolicy = { referrerPolicy: policy ?? unsupported(name, value), override };
      return true;
    }
    case 'x-content-type-options':
      if (value !== 'nosniff') unsupported(name, value);
      behavior.contentTypeOptions = { override };
      return true;
    case 'x-frame-options': {
      const option = Object.values(HeadersFrameOption).find((o) => o === value.toUpperCase());
      behavior.frameOptions = { frameOption: option ?? unsupported(name, value), override };
      return true;
    }
    default:
      return false;
  }
}

/**
 * The response headers policy props for a set of headers (by lower-case name): the ones CloudFront
 * models as security headers go there, every other one becomes a custom header.
 * @example new ResponseHeadersPolicy(this, 'headers', responseHeadersPolicyProps(securityHeaders));
 */
export function responseHeadersPolicyProps(
  headers: Readonly<Record<string, string>>,
): ResponseHeadersPolicyProps {
  const securityHeadersBehavior: SecurityBehavior = {};
  const customHeaders: ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!applySecurityHeader(securityHeadersBehavior, name.toLowerCase(), value)) {
      customHeaders.push({ header: name, value, override });
    }
  }
  return {
    comment: 'Hutong security headers, from infra/security-headers.ts',
    securityHeadersBehavior,
    ...(customHeaders.length > 0 ? { customHeadersBehavior: { customHeaders } } : {}),
  };
}
