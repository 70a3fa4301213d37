/**
 * The receipt salt: a per-deployment secret, generated once by Secrets Manager at first deploy,
 * never rotated and never deleted with the stack, because every stored receipt hash depends on it.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Characters in the generated salt: letters and digits only, far above the 32 bytes required. */
export const receiptSaltLength = 64;

/** The salt secret and how functions are told where it is. */
export class ReceiptSalt extends Construct {
  /** The Secrets Manager secret holding the salt. */
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'secret', {
      description: 'Hutong receipt salt. Never rotate or delete it: old receipts stop working.',
      generateSecretString: {
        passwordLength: receiptSaltLength,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The receipt salt must never rotate: old receipts must keep working. Every stored report is ' +
        'found by a salted hash of its receipt, so a new salt would orphan every report.',
    });
  }

  /** The value of `RECEIPT_SALT_SOURCE` for a function: `secretsmanager:<arn>`. */
  get source(): string {
    return `secretsmanager:${this.secret.secretArn}`;
  }

  /** The one permission a function needs to read the salt: `GetSecretValue` on this secret. */
  readStatement(): PolicyStatement {
    return new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [this.secret.secretArn],
    });
  }
}
