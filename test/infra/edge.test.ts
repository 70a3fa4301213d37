import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import { apiForwardedHeaders, staffApiPathPatterns } from '../../infra/aws/api-behaviours.ts';
import { consolePaths } from '../../infra/aws/console-behaviours.ts';
import { directoryIndexSource } from '../../infra/aws/directory-index.ts';
import { responseHeadersPolicyProps } from '../../infra/aws/response-headers.ts';
import {
  contentSecurityPolicy,
  officeContentSecurityPolicy,
  permissionsPolicy,
  securityHeaders,
  siteHeaders,
} from '../../infra/security-headers.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';

type Properties = Record<string, unknown>;
type Behavior = Record<string, unknown> & { PathPattern?: string };

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

function only(type: string): Properties {
  const found = Object.values(synth.template.findResources(type));
  expect(found, type).toHaveLength(1);
  return (found[0] as { Properties: Properties }).Properties;
}

function distributionConfig(): Properties {
  return only('AWS::CloudFront::Distribution').DistributionConfig as Properties;
}

function behavior(pattern: string): Behavior {
  const behaviors = distributionConfig().CacheBehaviors as Behavior[];
  const found = behaviors.filter((b) => b.PathPattern === pattern);
  expect(found, pattern).toHaveLength(1);
  return found[0] as Behavior;
}

const apiBehavior = () => behavior('/api/*');

/** The config of the policy of `type` a behaviour's `{ Ref }` points at. */
function policyConfig(type: string, ref: unknown): Properties {
  const id = (ref as { Ref: string }).Ref;
  const found = synth.template.findResources(type)[id] as { Properties: Properties } | undefined;
  expect(found, `${type} ${id}`).toBeDefined();
  return Object.values(found?.Properties ?? {})[0] as Properties;
}

const headersPolicy = (ref: unknown) => policyConfig('AWS::CloudFront::ResponseHeadersPolicy', ref);

describe('site bucket', () => {
  it('is private, encrypted, TLS-only and not a website when the site is deployed to it', () => {
    // Act
    // The site's bucket; the uploads bucket is another (site-build-job.test.ts).
    const sites = Object.entries(synth.template.findResources('AWS::S3::Bucket')).filter(([id]) =>
      id.startsWith('sitebucket'),
    );
    expect(sites).toHaveLength(1);
    const bucket = ((sites[0]?.[1] ?? {}) as { Properties: Properties }).Properties;
    // Assess
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket).not.toHaveProperty('WebsiteConfiguration');
    expect(bucket).not.toHaveProperty('LoggingConfiguration');
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
    synth.template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});

describe('CloudFront distribution', () => {
  it('serves /api/* from the HTTP API uncached, with every method and only the headers handlers read', () => {
    // Act
    const api = apiBehavior();
    const origins = distributionConfig().Origins as Properties[];
    const apiOrigin = origins.find((o) => o.Id === api.TargetOriginId) as Properties;
    // Assess
    expect(api).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
    });
    expect(api).not.toHaveProperty('FunctionAssociations');
    const policies = synth.template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const policy = Object.entries(policies).find(([id]) =>
      JSON.stringify(api.OriginRequestPolicyId).includes(id),
    );
    expect(policy?.[1].Properties.OriginRequestPolicyConfig).toMatchObject({
      HeadersConfig: {
        HeaderBehavior: 'whitelist',
        Headers: ['content-type', 'idempotency-key', 'accept-language'],
      },
      CookiesConfig: { CookieBehavior: 'none' },
    });
    expect(apiOrigin.CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(apiOrigin.DomainName).toEqual({
      'Fn::Join': [
        '',
        [{ Ref: expect.any(String) }, `.execute-api.${testRegion}.`, { Ref: 'AWS::URLSuffix' }],
      ],
    });
  });

  it("records no caller's address or browser anywhere: no CloudFront or WAF logs, no field that would carry them", () => {
    // Act
    const templates = [synth.template, synth.edgeTemplate].filter((t) => t !== undefined);
    // What is deployed: every resource's properties (cdk-nag's reasons in metadata may say "c-ip").
    const texts = templates.map((t) =>
      JSON.stringify(
        Object.values(t.toJSON().Resources as Record<string, { Properties?: unknown }>).map(
          (r) => r.Properties,
        ),
      ),
    );
    // Assess
    expect(templates).toHaveLength(2);
    for (const text of texts) {
      for (const field of [
        'c-ip',
        'cs(User-Agent)',
        'cs-user-agent',
        'sourceIp',
        'userAgent',
        'x-forwarded-for',
      ]) {
        expect(text).not.toContain(field);
      }
    }
    for (const template of templates) {
      for (const type of [
        'AWS::CloudFront::RealtimeLogConfig',
        'AWS::Logs::DeliverySource',
        'AWS::WAFv2::LoggingConfiguration',
      ]) {
        expect(Object.keys(template.findResources(type)), type).toEqual([]);
      }
    }
    expect(distributionConfig()).not.toHaveProperty('Logging');
  });

  it('reads the bucket through origin access control and rewrites directory URLs on the site only', () => {
    // Act
    const config = distributionConfig();
    const site = config.DefaultCacheBehavior as Behavior;
    const origins = config.Origins as Properties[];
    const siteOrigin = origins.find((o) => o.Id === site.TargetOriginId) as Properties;
    // Assess
    expect(siteOrigin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
    expect(siteOrigin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(only('AWS::CloudFront::OriginAccessControl').OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
    });
    expect(site).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      IPV6Enabled: true,
    });
    expect(config).not.toHaveProperty('Logging');
  });

  it('answers a missing page with /404.html but leaves the API its own 404 bodies', () => {
    // Act
    const errors = distributionConfig().CustomErrorResponses;
    // Assess
    expect(errors).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
    ]);
  });

  it('sends the shared CSP and security headers on the site and the API alike', () => {
    // Act
    const config = distributionConfig();
    const policy = headersPolicy((config.DefaultCacheBehavior as Behavior).ResponseHeadersPolicyId);
    // Assess
    expect(policy.SecurityHeadersConfig).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy, Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
        Preload: false,
        Override: true,
      },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    expect(policy.CustomHeadersConfig).toEqual({
      Items: expect.arrayContaining([
        { Header: 'permissions-policy', Value: permissionsPolicy, Override: true },
      ]),
    });
    const api = headersPolicy(apiBehavior().ResponseHeadersPolicyId);
    expect(api.SecurityHeadersConfig).toEqual(policy.SecurityHeadersConfig);
  });

  it('sends exactly the headers of infra/security-headers.ts, as the local runtime does, on every path but the console', () => {
    // The site's paths add their caching (`siteHeaders`), the API's leave it to each answer.
    // Prepare
    const config = distributionConfig();
    const behaviors = [
      config.DefaultCacheBehavior as Behavior,
      ...(config.CacheBehaviors as Behavior[]).filter((b) => !consolePatterns.includes(b.PathPattern ?? '')),
    ];
    // Act
    const sent = behaviors.map((b) => [
      b.PathPattern ?? '*',
      sentHeaders(headersPolicy(b.ResponseHeadersPolicyId)),
    ]);
    // Assess
    expect(sent.map(([pattern]) => pattern)).toEqual([
      '*',
      '/_astro/*',
      '/api/transparency',
      '/api/office/*',
      '/api/trainer/*',
      '/api/*',
    ]);
    const expected: Record<string, Record<string, string>> = {
      '*': siteHeaders('/workshops/'),
      '/_astro/*': siteHeaders('/_astro/site.css'),
    };
    for (const [pattern, headers] of sent) {
      expect(headers, String(pattern)).toEqual(expected[String(pattern)] ?? securityHeaders);
    }
  });

  it('lets browsers keep hashed files a year and ask again for every page; the edge keeps pages minutes', () => {
    // Act
    const pages = distributionConfig().DefaultCacheBehavior as Behavior;
    const assets = behavior('/_astro/*');
    const pagePolicy = cachePolicy(pages.CachePolicyId);
    // Assess
    expect(sentHeaders(headersPolicy(assets.ResponseHeadersPolicyId))['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(sentHeaders(headersPolicy(pages.ResponseHeadersPolicyId))['cache-control']).toBe('no-cache');
    expect(assets).toMatchObject({
      TargetOriginId: pages.TargetOriginId,
      CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(pagePolicy).toMatchObject({ DefaultTTL: 300, MinTTL: 0, MaxTTL: 3600 });
    expect(pagePolicy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      EnableAcceptEncodingGzip: true,
      EnableAcceptEncodingBrotli: true,
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'none' },
    });
  });
});

/**
 * The headers a response headers policy makes CloudFront send, by lower-case name, as
 * infra/security-headers.ts writes them; only headers that override the origin's count.
 */
function sentHeaders(config: Properties): Record<string, string> {
  type Field = { Override: boolean } & Record<string, unknown>;
  const security = (config.SecurityHeadersConfig ?? {}) as Record<string, Field>;
  const sent: Record<string, string> = {};
  const set = (name: string, field: Field | undefined, value: () => string) => {
    if (field?.Override) sent[name] = value();
  };
  const { ContentSecurityPolicy: csp, StrictTransportSecurity: hsts } = security;
  set('content-security-policy', csp, () => String(csp?.ContentSecurityPolicy));
  set('strict-transport-security', hsts, () =>
    [
      `max-age=${hsts?.AccessControlMaxAgeSec}`,
      ...(hsts?.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts?.Preload ? ['preload'] : []),
    ].join('; '),
  );
  set('referrer-policy', security.ReferrerPolicy, () => String(security.ReferrerPolicy?.ReferrerPolicy));
  set('x-content-type-options', security.ContentTypeOptions, () => 'nosniff');
  set('x-frame-options', security.FrameOptions, () => String(security.FrameOptions?.FrameOption));
  set('x-xss-protection', security.XSSProtection, () => JSON.stringify(security.XSSProtection));
  const custom = (config.CustomHeadersConfig as { Items?: (Field & { Header: string; Value: string })[] })
    ?.Items;
  for (const item of custom ?? []) set(item.Header.toLowerCase(), item, () => item.Value);
  return sent;
}

/** A template value as text, pseudo parameters written `${AWS::AccountId}`. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(text).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref?.startsWith('AWS::')) return `\${${ref}}`;
  throw new Error(`not text: ${JSON.stringify(value)}`);
}

const cachePolicy = (ref: unknown) => policyConfig('AWS::CloudFront::CachePolicy', ref);
const requestPolicy = (ref: unknown) => policyConfig('AWS::CloudFront::OriginRequestPolicy', ref);
const consolePatterns = Object.values(consolePaths).map((path) => `${path}*`);

describe('the office console on CloudFront', () => {
  it('serves its pages from the bucket, kept nowhere: not at the edge, not in the browser, not indexed', () => {
    for (const pattern of consolePatterns) {
      // Act
      const page = behavior(pattern);
      const headers = headersPolicy(page.ResponseHeadersPolicyId);
      // Assess
      expect(page, pattern).toMatchObject({
        TargetOriginId: (distributionConfig().DefaultCacheBehavior as Behavior).TargetOriginId,
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        ViewerProtocolPolicy: 'redirect-to-https',
        FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
      });
      expect(headers.CustomHeadersConfig, pattern).toEqual({
        Items: expect.arrayContaining([
          { Header: 'cache-control', Value: 'no-store', Override: true },
          { Header: 'x-robots-tag', Value: 'noindex, nofollow', Override: true },
        ]),
      });
    }
  });

  it("has its own CSP: the site's, plus exactly Cognito's issuer and managed login origins", () => {
    // Prepare
    const issuer = `https://cognito-idp.${testRegion}.amazonaws.com`;
    const login = `https://hutong-\${AWS::AccountId}.auth.${testRegion}.amazoncognito.com`;
    // Act
    const headers = headersPolicy(behavior(consolePatterns[0] ?? '').ResponseHeadersPolicyId);
    const csp = text(
      (headers.SecurityHeadersConfig as { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } })
        .ContentSecurityPolicy.ContentSecurityPolicy,
    );
    // Assess
    expect(csp).toBe(officeContentSecurityPolicy([issuer, login]));
    expect(csp.split('; ')).toContain(`connect-src 'self' ${issuer} ${login}`);
    expect(csp.split('; ')).toContain("script-src 'self'");
    const siteDirectives = contentSecurityPolicy
      .split('; ')
      .filter((d) => !/^(connect-src|form-action|script-src) /.test(d));
    expect(csp.split('; ')).toEqual(expect.arrayContaining(siteDirectives));
    expect(behavior(consolePatterns[1] ?? '').ResponseHeadersPolicyId).toEqual(
      behavior(consolePatterns[0] ?? '').ResponseHeadersPolicyId,
    );
  });
});

describe('the API on CloudFront', () => {
  it("forwards Authorization to the office's and trainers' routes, still only the three headers besides, and keeps nothing", () => {
    // Prepare
    const staffPrefixes = staffApiPathPatterns.map((pattern) => pattern.slice(0, -1));
    expect(staffApiPathPatterns).toEqual(['/api/office/*', '/api/trainer/*']);
    expect(
      routes
        .filter((r) => r.access !== 'public')
        .every((r) => staffPrefixes.some((p) => r.path.startsWith(p))),
    ).toBe(true);
    for (const pattern of staffApiPathPatterns) {
      // Act
      const staff = behavior(pattern);
      const key = cachePolicy(staff.CachePolicyId);
      // Assess
      expect(key, pattern).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
      expect(key.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['authorization'] },
        CookiesConfig: { CookieBehavior: 'none' },
      });
      expect(requestPolicy(staff.OriginRequestPolicyId).HeadersConfig).toEqual({
        HeaderBehavior: 'whitelist',
        Headers: [...apiForwardedHeaders],
      });
      expect(staff.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
    }
  });

  it("sends the reporters' routes no Authorization: only their three headers, nothing cached", () => {
    // Act
    const reporters = apiBehavior();
    // Assess
    expect(reporters.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(requestPolicy(reporters.OriginRequestPolicyId).HeadersConfig).toEqual({
      HeaderBehavior: 'whitelist',
      Headers: ['content-type', 'idempotency-key', 'accept-language'],
    });
  });

  it('lets CloudFront keep the transparency figures for the seconds routes.ts gives, keyed on the path alone', () => {
    // Prepare
    const cacheable = routes.filter((r) => 'sharedCacheSeconds' in r);
    expect(cacheable.map((r) => r.path)).toEqual(['/api/transparency']);
    for (const route of cacheable) {
      // Act
      const cached = behavior(route.path);
      const policy = cachePolicy(cached.CachePolicyId);
      // Assess
      expect(policy).toMatchObject({
        MinTTL: 0,
        DefaultTTL: route.sharedCacheSeconds,
        MaxTTL: route.sharedCacheSeconds,
      });
      expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
        HeadersConfig: { HeaderBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
      });
      expect(cached).not.toHaveProperty('OriginRequestPolicyId');
      expect(cached.AllowedMethods).toEqual(['GET', 'HEAD']);
    }
  });

  it('matches the hashed files, the console, the cacheable route and the staff routes before the rest of /api/*', () => {
    // Act
    const order = (distributionConfig().CacheBehaviors as Behavior[]).map((b) => b.PathPattern);
    // Assess
    expect(order).toEqual([
      '/_astro/*',
      ...consolePatterns,
      '/api/transparency',
      '/api/office/*',
      '/api/trainer/*',
      '/api/*',
    ]);
  });
});

describe('responseHeadersPolicyProps', () => {
  it('throws when a header has a value CloudFront cannot send', () => {
    // Act + Assess
    expect(() => responseHeadersPolicyProps({ 'x-frame-options': 'ALLOW-FROM https://a.example' })).toThrow(
      /x-frame-options/,
    );
    expect(() => responseHeadersPolicyProps({ 'strict-transport-security': 'includeSubDomains' })).toThrow(
      /strict-transport-security/,
    );
  });

  it('turns headers CloudFront does not model into custom headers', () => {
    // Act
    const props = responseHeadersPolicyProps({ 'x-robots-tag': 'noindex' });
    // Assess
    expect(props.customHeadersBehavior?.customHeaders).toEqual([
      { header: 'x-robots-tag', value: 'noindex', override: true },
    ]);
  });
});

describe('directory index function', () => {
  type Result = { uri?: string; statusCode?: number; headers?: Record<string, { value: string }> };
  const handler = new Function(`${directoryIndexSource}; return handler;`)() as (event: {
    request: { uri: string };
  }) => Result;

  it('serves index.html for a directory URL', () => {
    // Act + Assess
    expect(handler({ request: { uri: '/report/' } }).uri).toBe('/report/index.html');
    expect(handler({ request: { uri: '/' } }).uri).toBe('/index.html');
    expect(handler({ request: { uri: '/en/learn/body/' } }).uri).toBe('/en/learn/body/index.html');
  });

  it('redirects a directory URL without its slash, and passes files through', () => {
    // Act
    const redirect = handler({ request: { uri: '/en/report' } });
    // Assess
    expect(redirect).toMatchObject({ statusCode: 301, headers: { location: { value: '/en/report/' } } });
    expect(handler({ request: { uri: '/_astro/page.B1x2.css' } }).uri).toBe('/_astro/page.B1x2.css');
    expect(handler({ request: { uri: '/404.html' } }).uri).toBe('/404.html');
  });
});
