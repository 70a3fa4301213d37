/**
 * The AWS WAF web ACL in front of CloudFront (scope CLOUDFRONT, so it must be created in
 * us-east-1): a per-IP rate limit on `POST /api/*`, the API's 64 KB body limit at the edge, and
 * AWS's core and known-bad-inputs rule groups. It counts per IP at the edge and stores nothing
 * of ours: no logging configuration, and no sampled requests (those keep client IPs for hours).
 */
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { errorMessages } from '../../functions/domain/messages.ts';
import { routes } from '../../functions/routes.ts';
import { fileUploadPathPattern } from './file-upload-paths.ts';
import { edgeRateLimit } from './throttling.ts';

/** The API's largest body, as `functions/http/request.ts` enforces it. */
export const maxBodyBytes = 64 * 1024;

/**
 * Rules of AWSManagedRulesCommonRuleSet that look inside the request body, counted instead of
 * blocking. The body is free text from the public: a report may quote a message with HTML in it,
 * paste a link to a stream at a bare IP address, or run past 8 KB (5,000 Chinese characters are
 * about 15 KB of UTF-8, which SizeRestrictions_BODY would block). A blocked report is a lost
 * report. The handlers validate every body with the shared schemas and the site renders public
 * text only as text (DESIGN.md invariant 9), so these patterns guard nothing we have; our own
 * size rule below enforces the API's real 64 KB limit instead.
 */
export const countedCommonRules = [
  'SizeRestrictions_BODY',
  'CrossSiteScripting_BODY',
  'GenericLFI_BODY',
  'GenericRFI_BODY',
  'EC2MetaDataSSRF_BODY',
] as const;

/**
 * The error shape of the API (`{ error, message }`), in both languages at once: the edge cannot
 * read the `language` in a body it refuses. Chinese first, as most readers read it.
 */
function errorBody(code: 'too_many_reports' | 'payload_too_large'): string {
  const { 'zh-CN': zh, en } = errorMessages[code];
  return JSON.stringify({ error: code, message: `${zh} ${en}` });
}

/** Headers every public API answer carries (DESIGN.md), WAF's answers included. */
const apiHeaders = [
  { name: 'cache-control', value: 'no-store' },
  { name: 'referrer-policy', value: 'no-referrer' },
];

/** Metrics (counts only) in CloudWatch; never sampled requests, which hold client IPs. */
function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: false };
}

function byteMatch(
  fieldToMatch: CfnWebACL.FieldToMatchProperty,
  positionalConstraint: 'EXACTLY' | 'STARTS_WITH',
  searchString: string,
): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch,
      positionalConstraint,
      searchString,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}

/** `POST` to a path under `/api/`: what the rate rule counts. CloudFront paths are case-sensitive. */
export const apiPostStatement: CfnWebACL.StatementProperty = {
  andStatement: {
    statements: [
      byteMatch({ method: {} }, 'EXACTLY', 'POST'),
      byteMatch({ uriPath: {} }, 'STARTS_WITH', '/api/'),
    ],
  },
};

function managedGroup(
  name: string,
  priority: number,
  ruleActionOverrides: CfnWebACL.RuleActionOverrideProperty[] = [],
): CfnWebACL.RuleProperty {
  return {
    name: `aws-${name}`,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(ruleActionOverrides.length > 0 ? { ruleActionOverrides } : {}),
      },
    },
    visibilityConfig: visibility(`aws-${name}`),
  };
}

/**
 * A body over the inspection limit: WAF sees at most 64 KB (below), and a longer body is
 * "oversize" and matches, so exactly the bodies the API would refuse with 413 are refused here.
 * The file upload routes are left out: their handler takes a file up to its own limit.
 */
export function oversizeBodyStatement(): CfnWebACL.StatementProperty {
  const oversize: CfnWebACL.StatementProperty = {
    sizeConstraintStatement: {
      fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
      comparisonOperator: 'GT',
      size: maxBodyBytes,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
  const uploads = fileUploadPathPattern(routes);
  if (uploads === undefined) return oversize;
  const fileUpload: CfnWebACL.StatementProperty = {
    regexMatchStatement: {
      fieldToMatch: { uriPath: {} },
      regexString: uploads,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
  return { andStatement: { statements: [oversize, { notStatement: { statement: fileUpload } }] } };
}

/** The rules, in the order WAF evaluates them: the cheapest, most decisive first. */
function rules(): CfnWebACL.RuleProperty[] {
  return [
    {
      name: 'api-post-rate',
      priority: 0,
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            customResponseBodyKey: 'too-many-requests',
            responseHeaders: [
              ...apiHeaders,
              { name: 'retry-after', value: String(edgeRateLimit.windowSeconds) },
            ],
          },
        },
      },
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: edgeRateLimit.requestsPerWindow,
          evaluationWindowSec: edgeRateLimit.windowSeconds,
          scopeDownStatement: apiPostStatement,
        },
      },
      visibilityConfig: visibility('api-post-rate'),
    },
    {
      name: 'body-size',
      priority: 1,
      action: {
        block: {
          customResponse: {
            responseCode: 413,
            customResponseBodyKey: 'payload-too-large',
            responseHeaders: apiHeaders,
          },
        },
      },
      statement: oversizeBodyStatement(),
      visibilityConfig: visibility('body-size'),
    },
    managedGroup(
      'AWSManagedRulesCommonRuleSet',
      2,
      countedCommonRules.map((name) => ({ name, actionToUse: { count: {} } })),
    ),
    managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 3),
  ];
}

/** The web ACL. Create it in a stack in us-east-1; give `arn` to the distribution. */
export class EdgeWebAcl extends Construct {
  /** The web ACL resource. */
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'web-acl', {
      description: 'Hutong - per-IP rate limit on POST to /api/, body size limit, AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: rules(),
      customResponseBodies: {
        'too-many-requests': { contentType: 'APPLICATION_JSON', content: errorBody('too_many_reports') },
        'payload-too-large': { contentType: 'APPLICATION_JSON', content: errorBody('payload_too_large') },
      },
      // Forward up to 64 KB of each body, so the size rule can see the API's whole limit (the
      // default is 16 KB; the extra inspection is billed, cheaply at community scale).
      associationConfig: { requestBody: { CLOUDFRONT: { defaultSizeInspectionLimit: 'KB_64' } } },
      visibilityConfig: visibility('hutong-edge'),
    });
    // WAF logging stays OFF, on purpose: every log record holds the client's IP address and
    // headers, which would identify anonymous reporters. There is no AWS::WAFv2::LoggingConfiguration
    // here, and none may be added (the infra tests check). cdk-nag's AwsSolutions pack has no
    // WAF logging rule, so nothing needs acknowledging for it.
  }

  /** The web ACL's ARN, what CloudFront's `webAclId` takes for WAFv2. */
  get arn(): string {
    return this.webAcl.attrArn;
  }
}
