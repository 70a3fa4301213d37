/**
 * Where urgent alerts go: SNS in AWS (`ALERT_TOPIC=sns:<topic arn>`, with the email or SMS
 * subscriptions the deployer chose), or only the outbox and a log line on one machine
 * (`ALERT_TOPIC=log:`). The message names the community and the office reference, nothing else.
 */
import { requireEnv } from './env.ts';

const topic = requireEnv('ALERT_TOPIC');

/** Publishes one alert; resolves once the topic accepted it. */
export async function publishAlert(subject: string, message: string): Promise<void> {
  if (!topic.startsWith('sns:')) return;
  const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
  await new SNSClient({}).send(
    new PublishCommand({ TopicArn: topic.slice('sns:'.length), Subject: subject, Message: message }),
  );
}
