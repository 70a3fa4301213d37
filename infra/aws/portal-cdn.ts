/**
 * CloudFront in front of everything: the site from the private bucket (origin access control),
 * its hashed files kept a year and its pages asked for again each time, the office console's
 * pages with their own CSP and no caching, `/api/*` from the HTTP API on the same domain (so no
 * CORS) and never cached but for public figures, the WAF web ACL, and the shared security
 * headers on every response.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { routes } from '../../functions/routes.ts';
import { hashedAssetsPath, securityHeaders, siteHeaders } from '../security-headers.ts';
import { apiBehaviours } from './api-behaviours.ts';
import { consoleBehaviours } from './console-behaviours.ts';
import { directoryIndexSource } from './directory-index.ts';
import { responseHeadersPolicyProps } from './response-headers.ts';

/** A domain of the deployer's own, with its ACM certificate (in us-east-1, as CloudFront needs). */
export interface CustomDomain {
  domainName: string;
  certificate: ICertificate;
}

/** What the distribution serves. */
export interface PortalCdnProps {
  bucket: IBucket;
  /** The HTTP API's own domain name. */
  apiDomainName: string;
  /** The built site, read at synth time to see whether it has a 404 page. */
  siteDir: string;
  domain?: CustomDomain;
  /** The WAF web ACL's ARN (from us-east-1), or the reason the partition has none. */
  webAcl: { arn: string } | { reason: string };
  /** Origins the console talks to for sign-in: its CSP allows them, and nothing else new. */
  identityOrigins: readonly string[];
}

/** The distribution and its policies. */
export class PortalCdn extends Construct {
  /** The CloudFront distribution. */
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PortalCdnProps) {
    super(scope, id);
    const headers = new ResponseHeadersPolicy(
      this,
      'security-headers',
      responseHeadersPolicyProps(securityHeaders),
    );
    // The site's own policies: the same security headers, and its caching (`siteHeaders`): a
    // browser keeps hashed files a year and asks again for every page. The edge keeps hashed files
    // as long as CloudFront allows and pages five minutes (every deploy and site build
    // invalidates them anyway). The API keeps `headers`, so its own Cache-Control stands.
    const pageHeaders = new ResponseHeadersPolicy(
      this,
      'page-headers',
      responseHeadersPolicyProps(siteHeaders('/')),
    );
    const assetHeaders = new ResponseHeadersPolicy(
      this,
      'asset-headers',
      responseHeadersPolicyProps(siteHeaders(hashedAssetsPath)),
    );
    const pages = new CachePolicy(this, 'pages', {
      comment: 'Hutong pages: five minutes at the edge, compressed, no cookies, headers or query strings',
      defaultTtl: Duration.minutes(5),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const directoryIndex = new CloudFrontFunction(this, 'directory-index', {
      code: FunctionCode.fromInline(directoryIndexSource),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves /path/ from path/index.html',
    });
    const api = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    const site = S3BucketOrigin.withOriginAccessControl(props.bucket);
    const has404Page = existsSync(join(props.siteDir, '404.html'));

    this.distribution = new Distribution(this, 'distribution', {
      comment: 'Hutong: the site and /api/',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      // Edges in Asia (Hong Kong, Taiwan, Japan, Korea, Singapore) are in PriceClass 200.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...('arn' in props.webAcl ? { webAclId: props.webAcl.arn } : {}),
      ...(props.domain
        ? {
            domainNames: [props.domain.domainName],
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: site,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: pages,
        responseHeadersPolicy: pageHeaders,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      // CloudFront takes the first pattern that matches: the hashed files, the console's pages,
      // then the API's cacheable and staff routes before the rest of /api/*.
      additionalBehaviors: {
        [`${hashedAssetsPath}*`]: {
          origin: site,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
        },
        ...consoleBehaviours(this, {
          origin: site,
          directoryIndex,
          identityOrigins: props.identityOrigins,
        }),
        ...apiBehaviours(this, { origin: api, responseHeadersPolicy: headers, routes }),
      },
      // Error pages apply to every behaviour, the API's too. S3 answers 403 for a missing object
      // (the distribution may not list the bucket), so only 403 becomes the site's 404 page;
      // the API's own 404s reach the client untouched, JSON body and all. The price: an API 403
      // (a staff role refused) reaches the browser as this 404 page.
      errorResponses: has404Page
        ? [
            {
              httpStatus: 403,
              responseHttpStatus: 404,
              responsePagePath: '/404.html',
              ttl: Duration.minutes(1),
            },
          ]
        : [],
    });
    this.acknowledge(props.domain !== undefined, 'reason' in props.webAcl ? props.webAcl.reason : undefined);
  }

  private acknowledge(hasOwnDomain: boolean, noWebAclReason: string | undefined): void {
    const findings = {
      'AwsSolutions-CFR1':
        'No geo restriction: residents report from wherever they are, and a block by country would ' +
        'also turn away people travelling or using a VPN to stay safe.',
      ...(noWebAclReason === undefined ? {} : { 'AwsSolutions-CFR2': noWebAclReason }),
      'AwsSolutions-CFR3':
        'No CloudFront standard access logging: those logs record every client IP address (c-ip) and ' +
        'user agent, which would identify anonymous reporters.',
      ...(hasOwnDomain
        ? {}
        : {
            'AwsSolutions-CFR4':
              'Without a custom domain the distribution uses the *.cloudfront.net certificate, whose ' +
              'security policy CloudFront fixes at TLSv1. Set hutong:domainName and hutong:certificateArn ' +
              '(docs/deploy.md) to get TLSv1.2_2021.',
          }),
    };
    for (const [id, reason] of Object.entries(findings)) {
      Validations.of(this.distribution).acknowledge({ id, reason });
    }
  }
}
