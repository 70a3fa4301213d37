/**
 * The configuration the local runtime gives the functions, as a Lambda's environment gives it in
 * AWS: where the table, the salt, the contact key, the uploads and the site builds are on one
 * machine. The handlers read it at import.
 */
import { join } from 'node:path';
import { mainTable } from '../../functions/store/tables.ts';
import { localAws } from './dynamodb.ts';

/** What differs between one local runtime and another. */
export interface LocalFunctionSettings {
  dataDir: string;
  dynamodbEndpoint: string;
  /** The receipt salt's file (it may not exist yet: a function that needs it then fails). */
  saltFile: string;
  /** `CONTACT_KEY`: `file:` and the path of a 32-byte key (infra/local/contact-key.ts). */
  contactKey: string;
}

/** The functions' environment variables on one machine. */
export function localFunctionEnvironment(settings: LocalFunctionSettings): Record<string, string> {
  const { dataDir } = settings;
  return {
    [mainTable.envVar]: mainTable.id,
    DYNAMODB_ENDPOINT: settings.dynamodbEndpoint,
    RECEIPT_SALT_SOURCE: `file:${settings.saltFile}`,
    AWS_REGION: localAws.region,
    AWS_ACCESS_KEY_ID: localAws.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localAws.credentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Metrics (CloudWatch embedded metric format) mean nothing without CloudWatch; a test may turn them on.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    // Urgent alerts go to the outbox and a log line locally, where AWS publishes to SNS.
    ALERT_TOPIC: 'log:',
    // Handout files under the data directory, where AWS keeps them in the uploads bucket; site
    // builds requested through a folder the runtime's builder watches, where AWS runs CodeBuild.
    UPLOADS: `dir:${join(dataDir, 'uploads')}`,
    SITE_BUILD: `dir:${join(dataDir, 'site-build')}`,
    // Contacts sealed with a key in the data directory, where AWS uses its KMS key.
    CONTACT_KEY: settings.contactKey,
  };
}
