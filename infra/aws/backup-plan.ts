/**
 * The optional AWS Backup plan for the table, chosen at deploy time with `hutong:backupPlan`
 * (`off`, the default, or `daily-<days>`): one daily backup, kept that many days, in a vault
 * encrypted with the stack's data key.
 *
 * Why optional: point-in-time recovery already lets any second of the last 35 days be restored
 * (the restore drill in docs/operations.md), and it is always on. A backup plan adds copies that
 * outlive the table and can be kept longer, at a storage cost, and every copy keeps closed
 * reports beyond the retention period the office promised: the purge cannot reach into a backup.
 * So a deployment takes it only when its own rules ask for backups kept apart.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { DataKey } from './data-key.ts';
import type { PortalTable } from './table.ts';

/** What `hutong:backupPlan` asks for: nothing, or a daily backup kept `days` days. */
export type BackupChoice = { plan: 'off' } | { plan: 'daily'; days: number };

/**
 * Reads `hutong:backupPlan`, throwing on anything but `off` or `daily-<1..3650>`.
 * @example parseBackupPlan('daily-35') // { plan: 'daily', days: 35 }
 */
export function parseBackupPlan(value: unknown): BackupChoice {
  if (value === undefined || value === null || value === '' || value === 'off') return { plan: 'off' };
  const days = /^daily-(\d{1,4})$/.exec(String(value))?.[1];
  if (days === undefined || Number(days) < 1 || Number(days) > 3650) {
    throw new Error(
      `hutong:backupPlan "${String(value)}": use off (the default) or daily-<days to keep, 1 to 3650>, e.g. daily-35`,
    );
  }
  return { plan: 'daily', days: Number(days) };
}

/** The vault, the plan and its one selection: the table. */
export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: { table: PortalTable; days: number }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vault = new BackupVault(this, 'vault', {
      backupVaultName: `${stack.stackName}-${id}`,
      encryptionKey: DataKey.of(this).key,
      // Recovery points outlive the stack, as the table does.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new BackupPlan(this, 'plan', {
      backupPlanName: `${stack.stackName}-${id}`,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: `daily-${props.days}`,
          backupVault: this.vault,
          // 03:00 UTC, 11:00 in China: a quiet hour for the table, and any hour is fine for PITR.
          scheduleExpression: Schedule.cron({ hour: '3', minute: '0' }),
          deleteAfter: Duration.days(props.days),
        }),
      ],
    });
    const selection = this.plan.addSelection('table', {
      resources: [BackupResource.fromArn(props.table.table.tableArn)],
      allowRestores: false,
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service role policy, which AWS keeps in step with what each service's backup " +
        'needs; the role is assumable by AWS Backup only and selects the one table. Only deployed when ' +
        'hutong:backupPlan is set.',
    });
  }
}
