/**
 * The HTTP API: one route per entry of `functions/routes.ts`, each to its own function, behind a
 * throttled default stage whose access log records nothing about the caller.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, routeName } from '../../functions/routes.ts';
import type { PortalFunction } from './portal-function.ts';

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

/** Steady and burst request rates for the whole stage: far above one office's traffic. */
const throttle = { rateLimit: 50, burstLimit: 100 };

/** The API behind `/api/*`. */
export class PortalApi extends Construct {
  /** The HTTP API. */
  readonly api: HttpApi;
  /** Its only stage, `$default`, deployed automatically. */
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // No CORS: the site and the API share one CloudFront origin.
    this.api = new HttpApi(this, 'http-api', {
      description: 'Hutong public API, served under /api/ by CloudFront',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'access-logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'default-stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
  }

  /**
   * Routes a function's route to it (payload format 2.0). Public routes have no authorizer, and
   * say why to cdk-nag.
   */
  addRoute(portalFunction: PortalFunction): HttpRoute {
    const { route } = portalFunction;
    const name = routeName(route);
    const httpRoute = new HttpRoute(this, name, {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${name}-integration`, portalFunction.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
    if (route.access === 'public') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `${routeKey(route)} is public by design (access: public in routes.ts): residents and children ` +
          'use Hutong with no account, and anonymous reporting is the point. Abuse controls (proof of ' +
          'work, caps) come in a later issue; staff routes get the JWT authorizer.',
      });
    }
    return httpRoute;
  }

  /** The API's own domain, `<id>.execute-api.<region>.<url suffix>`, partition-aware. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
  }
}
