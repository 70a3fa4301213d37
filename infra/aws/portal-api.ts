/**
 * The HTTP API: one route per entry of `functions/routes.ts`, each to its own function, behind a
 * throttled default stage (tighter per route where a route does real work) whose access log
 * records nothing about the caller. Every staff route has the JWT authorizer; no public one does.
 */
import { Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, routeKey, routeName } from '../../functions/routes.ts';
import { DataKey } from './data-key.ts';
import type { PortalFunction } from './portal-function.ts';
import { routeThrottles, stageThrottle } from './throttling.ts';

/**
 * The access log's fields. What happened and how long it took; never who asked: no `sourceIp`,
 * no `userAgent`, no path (routeKey says which route), no headers. Invariant 1 in DESIGN.md.
 */
export const accessLogFields: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
};

/** The API behind `/api/*`. */
export class PortalApi extends Construct {
  /** The HTTP API. */
  readonly api: HttpApi;
  /** Its only stage, `$default`, deployed automatically. */
  readonly stage: HttpStage;
  /** The route keys added so far. */
  private readonly routeKeys = new Set<string>();
  /** The JWT authorizer every staff route gets; set before the first staff route is added. */
  private staffAuthorizer?: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // No CORS: the site and the API share one CloudFront origin.
    this.api = new HttpApi(this, 'http-api', {
      description: 'Hutong public API, served under /api/ by CloudFront',
      createDefaultStage: false,
    });
    // Named, so the data key's policy can let CloudWatch Logs encrypt it by name.
    const accessLogs = new LogGroup(this, 'access-logs', {
      logGroupName: `/aws/apigateway/${Stack.of(this).stackName}-${id}-access`,
      encryptionKey: DataKey.of(this).key,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'default-stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: stageThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    (this.stage.node.defaultChild as CfnStage).routeSettings = Lazy.any({
      produce: () => this.routeSettings(),
    });
    // A throttle for a route that doesn't exist would silently protect nothing.
    this.node.addValidation({
      validate: () =>
        Object.keys(routeThrottles)
          .filter((key) => !this.routeKeys.has(key))
          .map((key) => `routeThrottles names ${key}, which is not a route of this API`),
    });
  }

  /** CloudFormation's RouteSettings: each throttled route's own limits, by route key. */
  private routeSettings(): Record<string, object> | undefined {
    const settings = Object.entries(routeThrottles)
      .filter(([key]) => this.routeKeys.has(key))
      .map(([key, { rateLimit, burstLimit }]) => [
        key,
        { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit },
      ]);
    return settings.length > 0 ? Object.fromEntries(settings) : undefined;
  }

  /**
   * Guards staff routes with a JWT authorizer: API Gateway checks the token's signature (the
   * issuer's published keys), `iss`, `exp`, and `client_id` (access tokens) or `aud` against
   * `audience`, refuses with 401 otherwise, and hands the claims to the function at
   * `requestContext.authorizer.jwt.claims`.
   */
  authorizeStaffWith(issuer: string, audience: readonly string[]): void {
    this.staffAuthorizer = new HttpJwtAuthorizer('staff', issuer, {
      authorizerName: 'staff',
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [...audience],
    });
  }

  /**
   * Routes a route to its function (payload format 2.0), with the route's own throttle if it has
   * one. Staff routes get the JWT authorizer; public routes have none, and say why to cdk-nag.
   */
  addRoute(route: Route, portalFunction: PortalFunction): HttpRoute {
    const name = routeName(route);
    if (route.access !== 'public' && !this.staffAuthorizer) {
      throw new Error(`${routeKey(route)} is a staff route: call authorizeStaffWith() before adding it`);
    }
    const httpRoute = new HttpRoute(this, name, {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${name}-integration`, portalFunction.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
      ...(route.access === 'public' ? {} : { authorizer: this.staffAuthorizer }),
    });
    this.routeKeys.add(routeKey(route));
    // CloudFormation refuses a stage whose RouteSettings name a route that doesn't exist yet.
    if (routeKey(route) in routeThrottles) this.stage.node.addDependency(httpRoute);
    if (route.access === 'public') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `${routeKey(route)} is public by design (access: public in routes.ts): residents and children ` +
          'use Hutong with no account, anonymous reporting is the point, and the console needs its ' +
          'sign-in settings before anyone has a token. Abuse is held off without identifying anyone: ' +
          'proof of work, hourly caps, route throttling and the WAF rate rule; staff routes get the JWT ' +
          'authorizer.',
      });
    }
    return httpRoute;
  }

  /** The API's own domain, `<id>.execute-api.<region>.<url suffix>`, partition-aware. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
  }
}
