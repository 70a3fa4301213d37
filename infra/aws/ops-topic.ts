/**
 * The ops topic: what the people who run the deployment must hear about, today a failed site
 * build. Not the urgent-alert topic: that one reaches office staff about children; this one
 * reaches whoever maintains the AWS account, and its messages name AWS resources, never a person.
 */
import { Stack } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { checkEmails } from './alert-topic.ts';

/**
 * Checks `hutong:opsEmails`, throwing on the first address SNS would refuse at deploy time.
 * @example checkOpsEmails(['ops@example.org'])
 */
export function checkOpsEmails(emails: readonly string[]): readonly string[] {
  return checkEmails('hutong:opsEmails', emails);
}

/** The topic, its email subscriptions, and the one role EventBridge publishes with. */
export class OpsTopic extends Construct {
  readonly topic: Topic;
  /** EventBridge assumes this role to publish; the topic policy refuses every other publisher. */
  readonly publisher: Role;

  constructor(scope: Construct, id: string, emails: readonly string[]) {
    super(scope, id);
    // No server-side encryption: EventBridge cannot publish to a topic encrypted with SNS's
    // AWS-managed key, whose key policy nobody can change. The messages name a build project and
    // a build id, nothing about a person. Issue 7's customer-managed key can encrypt it later.
    this.topic = new Topic(this, 'topic', {
      topicName: `${Stack.of(this).stackName}-${id}`,
      displayName: 'Hutong ops',
      enforceSSL: true,
    });
    for (const email of checkOpsEmails(emails)) this.topic.addSubscription(new EmailSubscription(email));

    this.publisher = new Role(this, 'publisher', {
      assumedBy: new ServicePrincipal('events.amazonaws.com'),
      description: 'EventBridge publishes operational alerts to the ops topic with this role',
    });
    // As on the urgent-alert topic: a message here always came from one of our rules.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyEventBridgePublishes',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnNotEquals: { 'aws:PrincipalArn': this.publisher.roleArn },
        },
      }),
    );
  }
}
