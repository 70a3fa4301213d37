/**
 * CloudFront's behaviours for the office console's pages (`/office/`, `/en/office/`): from the
 * site bucket like every page, but never cached anywhere and with the console's own CSP, which
 * adds only the identity provider's origins to the site's.
 */
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  FunctionEventType,
  type IFunction,
  type IOrigin,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { officeHeaders } from '../security-headers.ts';
import { responseHeadersPolicyProps } from './response-headers.ts';

/** The console, in each language: where staff sign in and are sent back to. */
export const consolePaths = { 'zh-CN': '/office/', en: '/en/office/' } as const;

/** What the console behaviours need. */
export interface ConsoleBehaviourProps {
  /** The site bucket's origin, shared with the default behaviour. */
  origin: IOrigin;
  /** The directory-index function: `/office/` is `office/index.html`. */
  directoryIndex: IFunction;
  /**
   * The identity provider's origins: the issuer's (discovery) and managed login's (token
   * exchange, sign-in and sign-out forms).
   */
  identityOrigins: readonly string[];
}

/** One behaviour per console path, both with the console's headers and no caching. */
export function consoleBehaviours(
  scope: Construct,
  props: ConsoleBehaviourProps,
): Record<string, BehaviorOptions> {
  const headers = new ResponseHeadersPolicy(scope, 'console-headers', {
    ...responseHeadersPolicyProps(officeHeaders(props.identityOrigins)),
    comment: "Hutong office console: the site's headers, a CSP allowing sign-in, no-store, noindex",
  });
  const behaviour: BehaviorOptions = {
    origin: props.origin,
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
    // Nothing kept at the edge either; the page itself says no-store to the browser.
    cachePolicy: CachePolicy.CACHING_DISABLED,
    responseHeadersPolicy: headers,
    functionAssociations: [{ function: props.directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
  };
  return Object.fromEntries(Object.values(consolePaths).map((path) => [`${path}*`, behaviour]));
}
