/**
 * The `hutong` stack: the table, the receipt salt, one function per route behind the HTTP API
 * (staff routes behind Cognito's JWT authorizer), one function per scheduled job on an
 * EventBridge rule, the staff user pool and the console's sign-in, the urgent-alert topic, the
 * private site bucket and CloudFront in front of both, behind the WAF web ACL, the uploads bucket,
 * the CodeBuild project that rebuilds the site after a publish, the ops topic with the alarms and
 * the dashboard, the data key that encrypts every store, and optionally a backup plan. Built from
 * `functions/routes.ts` and `functions/store/tables.ts`; nothing here is named by hand twice.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { deployment } from '../../functions/config.ts';
import { routes, schedules } from '../../functions/routes.ts';
import { mainTable } from '../../functions/store/tables.ts';
import { type AlertSubscribers, AlertTopic } from './alert-topic.ts';
import { type BackupChoice, TableBackup } from './backup-plan.ts';
import { consolePaths } from './console-behaviours.ts';
import { DataKey } from './data-key.ts';
import { scheduleJob } from './job-schedule.ts';
import { Monitoring } from './monitoring.ts';
import { OpsTopic } from './ops-topic.ts';
import { PortalApi } from './portal-api.ts';
import { PortalCdn } from './portal-cdn.ts';
import { PortalFunction } from './portal-function.ts';
import { ReceiptSalt } from './receipt-salt.ts';
import { routeFunctionSpec, scheduleFunctionSpec } from './route-needs.ts';
import { SiteBucket } from './site-bucket.ts';
import { alertOnFailedBuilds, rebuildAfterDeploys } from './site-build-events.ts';
import { SiteBuildJob } from './site-build-job.ts';
import { managedLoginOrigin, StaffConsole } from './staff-console.ts';
import { cognitoIssuerOrigin, StaffPool } from './staff-pool.ts';
import { PortalTable } from './table.ts';
import { UploadsBucket } from './uploads-bucket.ts';
import { EdgeWebAcl } from './web-acl.ts';

/**
 * Where the distribution's web ACL comes from: built here (the stack is in us-east-1), built in
 * the `hutong-edge` stack in us-east-1 (any other region of the aws partition), or nowhere (a
 * partition without CloudFront-scope WAF, such as aws-cn), with the reason.
 */
export type WebAclSource =
  | { in: 'this-stack' }
  | { in: 'edge-stack'; arn: string }
  | { in: 'none'; reason: string };

/** What varies between deployments of the stack. */
export interface HutongStackProps extends StackProps {
  /** The built site to upload (normally `site/dist`). */
  siteDir: string;
  /** A domain of the deployer's own, and its ACM certificate ARN in us-east-1. */
  domain?: { domainName: string; certificateArn: string };
  /** The web ACL in front of CloudFront. */
  webAcl: WebAclSource;
  /** The managed login domain's prefix; `hutong-<account id>` by default (unique per region). */
  loginDomainPrefix?: string;
  /** Who gets urgent alerts by email and SMS. */
  alertSubscribers: AlertSubscribers;
  /** Who gets operational alerts (a failed site build) by email. */
  opsEmails: readonly string[];
  /** While upgrading a deployed table one index per deploy: the indexes to build, no others. */
  onlyIndexes?: readonly string[];
  /** An AWS Backup plan for the table besides point-in-time recovery (`hutong:backupPlan`); off by default. */
  backupPlan?: BackupChoice;
}

/** The whole portal in one stack; only the web ACL may live apart (`hutong-edge`, us-east-1). */
export class HutongStack extends Stack {
  /** One function per route, then one per scheduled job, in route-table order, then the sign-in trigger. */
  readonly functions: PortalFunction[];

  constructor(scope: Construct, id: string, props: HutongStackProps) {
    super(scope, id, {
      description: `Hutong (护童) child protection portal: ${deployment.name.en}`,
      ...props,
    });
    // First, so the key is the stack's first resource to read about: every store below uses it.
    const dataKey = DataKey.of(this);
    const table = new PortalTable(this, mainTable, {
      ...(props.onlyIndexes ? { onlyIndexes: props.onlyIndexes } : {}),
    });
    const receiptSalt = new ReceiptSalt(this, 'receipt-salt');
    const api = new PortalApi(this, 'api');

    // CloudFront first: staff are invited to, and sent back to, the console on its domain.
    const loginDomainPrefix = props.loginDomainPrefix ?? `${this.stackName}-${this.account}`;
    const loginOrigin = managedLoginOrigin(this, loginDomainPrefix);
    const site = new SiteBucket(this, 'site');
    const cdn = new PortalCdn(this, 'cdn', {
      bucket: site.bucket,
      apiDomainName: api.domainName,
      siteDir: props.siteDir,
      webAcl: webAclArn(this, props.webAcl),
      identityOrigins: [cognitoIssuerOrigin(this), loginOrigin],
      ...(props.domain
        ? {
            domain: {
              domainName: props.domain.domainName,
              certificate: Certificate.fromCertificateArn(this, 'certificate', props.domain.certificateArn),
            },
          }
        : {}),
    });
    const siteDomain = props.domain?.domainName ?? cdn.distribution.distributionDomainName;
    const consoleUrls = {
      'zh-CN': `https://${siteDomain}${consolePaths['zh-CN']}`,
      en: `https://${siteDomain}${consolePaths.en}`,
    };

    const staffPool = new StaffPool(this, 'staff-pool', { consoleUrls });
    const staffConsole = new StaffConsole(this, 'staff-console', {
      pool: staffPool,
      domainPrefix: loginDomainPrefix,
      consoleUrls: Object.values(consoleUrls),
    });
    api.authorizeStaffWith(staffPool.issuer, [staffConsole.client.userPoolClientId]);
    const alertTopic = new AlertTopic(this, 'urgent-alerts', props.alertSubscribers);

    // Workshop publishing: handouts in their bucket, the build that puts published workshops on
    // the site, and the ops topic its failures go to.
    const uploads = new UploadsBucket(this, 'uploads');
    const siteBuild = new SiteBuildJob(this, 'site-build', {
      table,
      uploads,
      siteBucket: site.bucket,
      distribution: cdn.distribution,
    });
    const opsTopic = new OpsTopic(this, 'ops', props.opsEmails);
    alertOnFailedBuilds(siteBuild, opsTopic);
    rebuildAfterDeploys(siteBuild);

    const resources = {
      table,
      receiptSalt,
      staffPool,
      alertTopic,
      identity: { issuer: staffPool.issuer, clientId: staffConsole.client.userPoolClientId },
      uploads,
      siteBuild,
      dataKey,
    };

    const routeFunctions = routes.map((route) => {
      const portalFunction = new PortalFunction(this, routeFunctionSpec(route));
      portalFunction.bind(resources);
      api.addRoute(route, portalFunction);
      return portalFunction;
    });
    const jobFunctions = schedules.map((schedule) => {
      const portalFunction = new PortalFunction(this, scheduleFunctionSpec(schedule));
      portalFunction.bind(resources);
      scheduleJob(portalFunction, schedule);
      return portalFunction;
    });
    this.functions = [...routeFunctions, ...jobFunctions, staffPool.preToken];
    site.deploy(props.siteDir, cdn.distribution);
    const monitoring = new Monitoring(this, 'monitoring', {
      api,
      table,
      functions: this.functions,
      siteBuild,
      opsTopic,
    });
    if (props.backupPlan?.plan === 'daily')
      new TableBackup(this, 'backup', { table, days: props.backupPlan.days });

    new CfnOutput(this, 'site-url', { description: 'The portal', value: `https://${siteDomain}/` });
    new CfnOutput(this, 'distribution-domain', {
      description: 'Point your domain (CNAME) here',
      value: cdn.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'distribution-id', { value: cdn.distribution.distributionId });
    new CfnOutput(this, 'table-name', { value: table.table.tableName });
    new CfnOutput(this, 'receipt-salt-secret', {
      description: 'Never rotate or delete: old receipts stop working',
      value: receiptSalt.secret.secretArn,
    });
    new CfnOutput(this, 'staff-user-pool', {
      description: 'Staff accounts: create them here (docs/deploy.md, Staff accounts)',
      value: staffPool.userPool.userPoolId,
    });
    new CfnOutput(this, 'staff-sign-in', {
      description: 'Managed login, where the console sends staff to sign in',
      value: staffConsole.loginOrigin,
    });
    new CfnOutput(this, 'console-client-id', { value: staffConsole.client.userPoolClientId });
    new CfnOutput(this, 'alert-topic', {
      description: 'Urgent alerts: subscribe with hutong:alertEmails / hutong:alertPhones',
      value: alertTopic.topic.topicArn,
    });
    new CfnOutput(this, 'uploads-bucket', { value: uploads.bucket.bucketName });
    new CfnOutput(this, 'site-build-project', {
      description: 'Rebuild the public site by hand: aws codebuild start-build --project-name <this>',
      value: siteBuild.project.projectName,
    });
    new CfnOutput(this, 'ops-topic', {
      description: 'Operational alerts (alarms, a failed site build): subscribe with hutong:opsEmails',
      value: opsTopic.topic.topicArn,
    });
    new CfnOutput(this, 'dashboard', {
      description: 'The CloudWatch dashboard of the portal',
      value: monitoring.dashboard.dashboardName,
    });
    new CfnOutput(this, 'data-key-arn', {
      description:
        'Encrypts the table, topics, logs and uploads. Retained on stack delete: never schedule its deletion while backups exist',
      value: dataKey.key.keyArn,
    });
    new CfnOutput(this, 'communities', {
      description: 'Communities in hutong.config.json at deploy time',
      value: deployment.communities.map((community) => community.id).join(','),
    });
  }
}

/** The web ACL's ARN for the distribution, or why there is none. */
function webAclArn(stack: Stack, source: WebAclSource): { arn: string } | { reason: string } {
  switch (source.in) {
    case 'this-stack':
      return { arn: new EdgeWebAcl(stack, 'firewall').arn };
    case 'edge-stack':
      return { arn: source.arn };
    case 'none':
      return { reason: source.reason };
  }
}
