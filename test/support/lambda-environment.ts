/**
 * The environment Lambda would give a function, for loading its bundle in a fresh Node process:
 * the variables the stack sets for its route (placeholder values; nothing is read until the
 * first request) and what Lambda sets itself. Used by the bundle test and the bundle bench.
 */

import { mainTable } from '../../functions/store/tables.ts';
import { environmentNames, type FunctionSpec } from '../../infra/aws/route-needs.ts';

const placeholders: Record<string, string> = {
  [mainTable.envVar]: 'hutong-reports',
  RECEIPT_SALT_SOURCE: 'file:/dev/null',
  STAFF_DIRECTORY: 'cognito:cn-north-1_Ab12Cd34E',
  ALERT_TOPIC: 'sns:arn:aws-cn:sns:cn-north-1:111122223333:hutong-urgent-alerts',
  OIDC_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Ab12Cd34E',
  OIDC_CLIENT_ID: '3n4b5urk1ft4fl3mg5e62d9ado',
  SITE_BUILD: 'codebuild:hutong-site-build',
  UPLOADS: 's3:hutong-uploads-111122223333',
  CONTACT_KEY: 'kms:arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

/** What `spec`'s function finds in `process.env` when Lambda starts it. */
export function lambdaEnvironment(
  spec: Pick<FunctionSpec, 'table' | 'receiptSalt' | 'uses'>,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'cn-north-1',
    NODE_OPTIONS: '--enable-source-maps',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...Object.fromEntries(environmentNames(spec, mainTable.envVar).map((name) => [name, placeholders[name]])),
  };
}
