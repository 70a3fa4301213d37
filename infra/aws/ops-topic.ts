/**
 * The ops topic: what the people who run the deployment must hear about: a failed site build and
 * the alarms of monitoring.ts. Not the urgent-alert topic: that one reaches office staff about
 * children; this one reaches whoever maintains the AWS account, and its messages name AWS
 * resources, never a person.
 */
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { checkEmails } from './alert-topic.ts';
import { DataKey } from './data-key.ts';

/**
 * Checks `hutong:opsEmails`, throwing on the first address SNS would refuse at deploy time.
 * @example checkOpsEmails(['ops@example.org'])
 */
export function checkOpsEmails(emails: readonly string[]): readonly string[] {
  return checkEmails('hutong:opsEmails', emails);
}

/**
 * The topic, its email subscriptions, the one role EventBridge publishes with, and CloudWatch
 * alarms of this stack (named `<stack>-…`), the only other publisher.
 */
export class OpsTopic extends Construct {
  readonly topic: Topic;
  /** EventBridge assumes this role to publish; the topic policy refuses every other publisher. */
  readonly publisher: Role;

  constructor(scope: Construct, id: string, emails: readonly string[]) {
    super(scope, id);
    const stack = Stack.of(this);
    const dataKey = DataKey.of(this);
    // The stack's data key, whose policy we keep: EventBridge publishes with a role of ours, which
    // is granted the key in IAM; CloudWatch alarms get their grant in the key policy.
    this.topic = new Topic(this, 'topic', {
      topicName: `${stack.stackName}-${id}`,
      displayName: 'Hutong ops',
      masterKey: dataKey.key,
      enforceSSL: true,
    });
    for (const email of checkOpsEmails(emails)) this.topic.addSubscription(new EmailSubscription(email));

    this.publisher = new Role(this, 'publisher', {
      assumedBy: new ServicePrincipal('events.amazonaws.com'),
      description: 'EventBridge publishes operational alerts to the ops topic with this role',
    });
    // The rule's SNS target grants this role sns:Publish and the data key itself (topic.grantPublish).
    Validations.of(this.publisher).acknowledge({
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        "aws-cdk-lib's SNS target grants the publishing role kms:GenerateDataKey* and kms:Decrypt on the " +
        "topic's key, which SNS needs to encrypt each message; only EventBridge can assume the role.",
    });

    const alarms = stack.formatArn({
      service: 'cloudwatch',
      resource: 'alarm',
      resourceName: `${stack.stackName}-*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'TheStacksAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': alarms },
        },
      }),
    );
    dataKey.allowAlarmsToPublish();
    // As on the urgent-alert topic: a message here always came from one of our rules or alarms.
    // A service principal has no aws:PrincipalArn, so CloudWatch is let through by its name
    // (the statement above then narrows it to this stack's alarms).
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyEventBridgeAndAlarmsPublish',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnNotEquals: { 'aws:PrincipalArn': this.publisher.roleArn },
          StringNotEquals: { 'aws:PrincipalServiceName': 'cloudwatch.amazonaws.com' },
        },
      }),
    );
  }
}
