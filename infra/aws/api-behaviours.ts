/**
 * CloudFront's behaviours for `/api/*`, from the route table: the reporters' routes (three
 * headers, never cached), the staff routes (the same, plus `Authorization`), and each route a
 * shared cache may keep (`sharedCacheSeconds`: aggregate public figures only).
 */
import { Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  type IOrigin,
  type IResponseHeadersPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { type Route, routeKey, routeName } from '../../functions/routes.ts';

/**
 * The only viewer headers the API receives. Everything else (User-Agent, cookies, Referer) is
 * dropped at the edge, so the functions never even see it; Accept-Language picks the language
 * of an error when the body can't be read.
 */
export const apiForwardedHeaders = ['content-type', 'idempotency-key', 'accept-language'] as const;

/**
 * Every staff route lives under one of these paths (the office's, the trainers'), so their
 * behaviours alone forward `Authorization`.
 */
export const staffApiPathPatterns = ['/api/office/*', '/api/trainer/*'] as const;

/** True when a path is under one of the staff patterns. */
function isStaffPath(path: string): boolean {
  return staffApiPathPatterns.some((pattern) => path.startsWith(pattern.slice(0, -1)));
}

/** What the API behaviours share. */
export interface ApiBehaviourProps {
  origin: IOrigin;
  responseHeadersPolicy: IResponseHeadersPolicy;
  routes: readonly Route[];
}

/**
 * The API's behaviours, most specific first (CloudFront takes the first pattern that matches):
 * each cacheable route, then the staff routes, then every other route.
 */
export function apiBehaviours(scope: Construct, props: ApiBehaviourProps): Record<string, BehaviorOptions> {
  const { routes } = props;
  const outsideStaffPath = routes.filter((r) => r.access !== 'public' && !isStaffPath(r.path));
  if (outsideStaffPath.length > 0) {
    throw new Error(
      `Staff routes must live under ${staffApiPathPatterns.join(' or ')}: ${outsideStaffPath.map(routeKey).join(', ')}`,
    );
  }
  const common = {
    origin: props.origin,
    // Never redirect an API call: a POST would be replayed over plain HTTP first.
    viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
    responseHeadersPolicy: props.responseHeadersPolicy,
  };
  const apiRequest = new OriginRequestPolicy(scope, 'api-request', {
    comment: 'Hutong API: forward only the headers the handlers read; no cookies',
    headerBehavior: OriginRequestHeaderBehavior.allowList(...apiForwardedHeaders),
    queryStringBehavior: OriginRequestQueryStringBehavior.all(),
    cookieBehavior: OriginRequestCookieBehavior.none(),
  });
  // CloudFront refuses Authorization in an origin request policy; it reaches the origin only as
  // part of the cache key. Default TTL 0 and no-store answers mean nothing is kept, and were an
  // answer ever kept, only the same token could fetch it again.
  const staffRequest = new CachePolicy(scope, 'staff-api', {
    comment: 'Hutong staff API: forward Authorization; nothing cached (default TTL 0, answers are no-store)',
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(1),
    headerBehavior: CacheHeaderBehavior.allowList('authorization'),
    queryStringBehavior: CacheQueryStringBehavior.all(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
  const behaviours: Record<string, BehaviorOptions> = {};
  for (const route of routes.filter((r) => r.sharedCacheSeconds !== undefined)) {
    behaviours[cacheablePath(route)] = {
      ...common,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: sharedCachePolicy(scope, route),
    };
  }
  for (const pattern of staffApiPathPatterns) {
    behaviours[pattern] = {
      ...common,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: staffRequest,
      originRequestPolicy: apiRequest,
    };
  }
  behaviours['/api/*'] = {
    ...common,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: apiRequest,
  };
  return behaviours;
}

/** A cacheable route's path, which must be a plain path: CloudFront patterns know no `{ref}`. */
function cacheablePath(route: Route): string {
  if (route.method !== 'GET' || route.access !== 'public' || route.path.includes('{')) {
    throw new Error(`Only a public GET on a fixed path may be shared-cached: ${routeKey(route)}`);
  }
  return route.path;
}

/**
 * Keeps the route's answer as long as its origin's Cache-Control says, up to `sharedCacheSeconds`
 * (and that long when it says nothing). The cache key is the path alone: no query string, header
 * or cookie reaches the function, so nobody can bypass the cache with `?x=<random>`.
 */
function sharedCachePolicy(scope: Construct, route: Route): CachePolicy {
  const seconds = Duration.seconds(route.sharedCacheSeconds ?? 0);
  return new CachePolicy(scope, `${routeName(route)}-cache`, {
    comment: `Hutong ${routeKey(route)}: aggregate public figures, kept up to ${seconds.toSeconds()} s`,
    minTtl: Duration.seconds(0),
    defaultTtl: seconds,
    maxTtl: seconds,
    headerBehavior: CacheHeaderBehavior.none(),
    queryStringBehavior: CacheQueryStringBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
}
