/**
 * The flags of `npm run deploy`, as data: Hutong's own (each `hutong:*` context key with the check
 * its value must pass) and the `cdk deploy` options passed through. Read by `deploy-parameters.ts`;
 * pure, like it.
 */
import { checkEmails, checkSubscribers } from './alert-topic.ts';
import { parseBackupPlan } from './backup-plan.ts';

/** A flag whose value is a `hutong:*` context key's. */
export interface ContextFlag {
  flag: string;
  key: string;
  /** The value's placeholder in `--help`. */
  value: string;
  help: string;
  /** Given more than once (or comma-separated), the values join with commas, as `-c` lists do. */
  list?: true;
  /** Throws a message a person can act on when the value has the wrong shape. */
  check: (value: string) => void;
}

const domainPattern =
  /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
/** An ACM certificate in us-east-1, in any partition: CloudFront takes certificates from there only. */
const certificatePattern = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const loginPrefixPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** What the audit trail shows: letters, digits, dots, underscores and hyphens. */
const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

function ensure(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** A comma-separated value's items, trimmed, without empty ones. */
export const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Hutong's flags that set context, in `--help` order. */
export const contextFlags: readonly ContextFlag[] = [
  {
    flag: '--domain',
    key: 'hutong:domainName',
    value: '<host name>',
    help: 'your own domain, e.g. hutong.example.org (needs --certificate); default: the *.cloudfront.net one',
    check: (value) =>
      ensure(
        domainPattern.test(value),
        `--domain: a host name such as hutong.example.org, without https:// or a path: "${value}"`,
      ),
  },
  {
    flag: '--certificate',
    key: 'hutong:certificateArn',
    value: '<ACM ARN>',
    help: "the domain's ACM certificate, requested in us-east-1 (arn:…:acm:us-east-1:<account>:certificate/<id>)",
    check: (value) =>
      ensure(
        certificatePattern.test(value),
        `--certificate: an ACM certificate ARN in us-east-1 (CloudFront takes no other), ` +
          `arn:…:acm:us-east-1:<12-digit account>:certificate/<id>: "${value}"`,
      ),
  },
  {
    flag: '--login-prefix',
    key: 'hutong:loginDomainPrefix',
    value: '<prefix>',
    help: 'staff sign-in at <prefix>.auth.<region>.amazoncognito.com; default: hutong-<account id>',
    check: (value) =>
      ensure(
        loginPrefixPattern.test(value) && !/aws|amazon|cognito/.test(value),
        `--login-prefix: lower-case letters, digits and hyphens (at most 63), without "aws", "amazon" or "cognito": "${value}"`,
      ),
  },
  {
    flag: '--alert-email',
    key: 'hutong:alertEmails',
    value: '<address>',
    help: 'who gets urgent-report alerts by email (repeat, or comma-separate); default: nobody',
    list: true,
    check: (value) => void checkEmails('--alert-email', list(value)),
  },
  {
    flag: '--alert-phone',
    key: 'hutong:alertPhones',
    value: '<+86…>',
    help: 'who gets urgent-report alerts by SMS, in E.164 (repeat, or comma-separate); default: nobody',
    list: true,
    check: (value) => void checkSubscribers({ emails: [], phones: list(value) }),
  },
  {
    flag: '--ops-email',
    key: 'hutong:opsEmails',
    value: '<address>',
    help: 'who gets operational alarms (ops topic) by email (repeat, or comma-separate); default: nobody',
    list: true,
    check: (value) => void checkEmails('--ops-email', list(value)),
  },
  {
    flag: '--lead-email',
    key: 'hutong:firstLeadEmail',
    value: '<address>',
    help: 'first deploy: create the first lead account; Cognito emails them an invitation',
    check: (value) => void checkEmails('--lead-email', [value]),
  },
  {
    flag: '--lead-community',
    key: 'hutong:firstLeadCommunity',
    value: '<id>',
    help: "the first lead's community, an id from the configuration; default: the only one, if there is one",
    check: (value) => ensure(value.length > 0, '--lead-community: a community id'),
  },
  {
    flag: '--lead-name',
    key: 'hutong:firstLeadUsername',
    value: '<username>',
    help: "the first lead's username, shown in the audit trail; default: lead-<community>",
    check: (value) =>
      ensure(
        usernamePattern.test(value),
        `--lead-name: 2–64 letters, digits, dots, underscores or hyphens, starting with a letter or digit: "${value}"`,
      ),
  },
  {
    flag: '--backup',
    key: 'hutong:backupPlan',
    value: '<off|daily-<days>>',
    help: 'an AWS Backup plan for the table, kept <days> days, beside point-in-time recovery; default: off',
    check: (value) => void parseBackupPlan(value),
  },
  {
    flag: '--only-indexes',
    key: 'hutong:onlyIndexes',
    value: '<index,…>',
    help: 'only while upgrading a deployed table, one index per deploy (docs/deploy.md)',
    list: true,
    check: (value) => ensure(list(value).length > 0, '--only-indexes: at least one index name'),
  },
];

/** Hutong's flags that are not context: they steer the deploy itself. */
export const deployFlags = [
  {
    flag: '--config',
    value: '<file>',
    help: 'the configuration file; validated, then copied to hutong.config.json',
  },
  {
    flag: '--region',
    value: '<region>',
    help: "the AWS region (else AWS_REGION or the profile's), e.g. ap-east-1",
  },
  { flag: '--profile', value: '<name>', help: 'the AWS CLI profile to deploy with (also passed to cdk)' },
  { flag: '--help', value: '', help: 'prints this' },
] as const;

/** `cdk deploy` options passed through as they are, and whether each takes a value. */
export const cdkOptions: Record<string, boolean> = {
  '--require-approval': true,
  '--role-arn': true,
  '-r': true,
  '--outputs-file': true,
  '-O': true,
  '--progress': true,
  '--method': true,
  '-m': true,
  '--change-set-name': true,
  '--tags': true,
  '-t': true,
  '--toolkit-stack-name': true,
  '--concurrency': true,
  '--notification-arns': true,
  '--ci': false,
  '--verbose': false,
  '-v': false,
  '--debug': false,
  '--force': false,
  '-f': false,
  '--rollback': false,
  '--no-rollback': false,
  '-R': false,
  '--no-color': false,
  '--trace': false,
  '--strict': false,
};
