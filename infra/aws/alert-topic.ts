/**
 * Urgent alerts in AWS: one SNS topic, encrypted with the stack's data key, with the email and
 * SMS subscriptions the deployer chose. Only the alert dispatcher may publish, and its message
 * names the community and the office reference, never report content (written by the handler).
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { DataKey } from './data-key.ts';

/** Who receives urgent alerts. Email needs the recipient to confirm; SMS needs SNS set up for SMS. */
export interface AlertSubscribers {
  emails: readonly string[];
  /** E.164, e.g. `+8613800000000`. */
  phones: readonly string[];
}

const emailPattern = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const phonePattern = /^\+[1-9]\d{6,14}$/;

/**
 * Checks a list of email addresses given as the context value `key`, throwing on the first one
 * SNS would refuse at deploy time.
 * @example checkEmails('hutong:opsEmails', ['ops@example.org'])
 */
export function checkEmails(key: string, emails: readonly string[]): readonly string[] {
  for (const email of emails) {
    if (!emailPattern.test(email)) throw new Error(`${key}: not an email address: ${email}`);
  }
  return emails;
}

/**
 * Checks the deploy parameters, throwing on the first one SNS would refuse at deploy time.
 * @example checkSubscribers({ emails: ['office@example.org'], phones: ['+8613800000000'] })
 */
export function checkSubscribers(subscribers: AlertSubscribers): AlertSubscribers {
  checkEmails('hutong:alertEmails', subscribers.emails);
  for (const phone of subscribers.phones) {
    if (!phonePattern.test(phone))
      throw new Error(`hutong:alertPhones: not an E.164 number (+86…): ${phone}`);
  }
  return subscribers;
}

/** The topic, its subscriptions, and the one role allowed to publish. */
export class AlertTopic extends Construct {
  readonly topic: Topic;
  /** Role ARNs allowed to publish; the topic policy refuses everyone else. */
  private readonly publishers: string[] = [];

  constructor(scope: Construct, id: string, subscribers: AlertSubscribers) {
    super(scope, id);
    this.topic = new Topic(this, 'topic', {
      topicName: `${Stack.of(this).stackName}-${id}`,
      displayName: 'Hutong',
      // Email and SMS deliveries need no key grant; the dispatcher's does (publishStatements).
      masterKey: DataKey.of(this).key,
      enforceSSL: true,
    });
    for (const email of subscribers.emails) this.topic.addSubscription(new EmailSubscription(email));
    for (const phone of subscribers.phones) this.topic.addSubscription(new SmsSubscription(phone));
    // Least privilege from the topic's side too: even an account administrator's console test
    // publishes nothing, so a message on this topic always came from the dispatcher.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheDispatcherPublishes',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnNotEquals: { 'aws:PrincipalArn': Lazy.list({ produce: () => this.publishers }) },
        },
      }),
    );
    this.node.addValidation({
      validate: () =>
        this.publishers.length > 0 ? [] : ['No function publishes to the urgent-alerts topic'],
    });
  }

  /** The value of `ALERT_TOPIC` for a function: `sns:<topic arn>`. */
  get source(): string {
    return `sns:${this.topic.topicArn}`;
  }

  /**
   * Lets one role publish, and records it as the topic's only publisher: `sns:Publish` on the
   * topic, and the data key through SNS, which encrypts the message with a data key of it.
   */
  publishStatements(roleArn: string): PolicyStatement[] {
    this.publishers.push(roleArn);
    return [
      new PolicyStatement({ actions: ['sns:Publish'], resources: [this.topic.topicArn] }),
      DataKey.of(this).viaStatement('sns', ['kms:GenerateDataKey', 'kms:Decrypt']),
    ];
  }
}
