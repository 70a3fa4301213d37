/**
 * The key that seals reporters' contacts, as an AWS Encryption SDK keyring, and the rules both
 * sides of the seal share: the client options, the encryption context and the stored format.
 * Reads `CONTACT_KEY` (and, on one machine, its key file) at first use, never at import, so a
 * function that never meets a contact never needs it.
 */
import { readFileSync } from 'node:fs';
import { type AwsEsdkKMSInterface, KmsKeyringClass } from '@aws-crypto/kms-keyring';
import {
  type ClientOptions,
  CommitmentPolicy,
  type EncryptionContext,
  KeyringNode,
  type Newable,
  type NodeAlgorithmSuite,
} from '@aws-crypto/material-management-node';
import { RawAesKeyringNode, RawAesWrappingSuiteIdentifier } from '@aws-crypto/raw-aes-keyring-node';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

/**
 * Messages must commit to their key both ways, and carry exactly one encrypted data key: a
 * message with more (someone else's key beside ours) is refused before any is tried.
 */
export const contactClientOptions: ClientOptions = {
  commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
  maxEncryptedDataKeys: 1,
};

/**
 * The context every contact is sealed under and must be opened under. KMS sees it (and
 * CloudTrail logs it) in the clear, so it names only the purpose, which the key policy's
 * `kms:EncryptionContext:purpose` condition requires, and the community, which binds a contact
 * to its own community's reports. Never the report reference or anything about the reporter.
 */
export function contactContext(community: string): EncryptionContext {
  return { purpose: 'hutong-contact', community };
}

/**
 * A stored contact: `esdk1:` then the base64 of one AWS Encryption SDK message. The prefix
 * names the format, so a later one can be told apart.
 */
export type SealedContact = `esdk1:${string}`;

/** The prefix of every sealed contact. */
export const sealedContactPrefix = 'esdk1:';

/**
 * The KMS calls a one-key keyring makes, on the bare client: the SDK's aggregated `KMS` class
 * (what `@aws-crypto/kms-keyring-node` uses) would bundle every KMS operation, about 40 KB more.
 * Short timeouts, as the database's: an unreachable key is a prompt 503, not a hung request.
 */
type Kms = AwsEsdkKMSInterface;
class KeyringKms implements Kms {
  readonly #client: KMSClient;
  constructor(region: string) {
    this.#client = new KMSClient({
      region,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    });
  }
  generateDataKey(input: Parameters<Kms['generateDataKey']>[0]) {
    return this.#client.send(new GenerateDataKeyCommand(input));
  }
  decrypt(input: Parameters<Kms['decrypt']>[0]) {
    return this.#client.send(new DecryptCommand(input));
  }
  /** Only for keys beside the generator, which a contact never has (nor the grant for it). */
  encrypt(): Promise<never> {
    return Promise.reject(new Error('A contact is sealed under one key: KMS Encrypt is never called'));
  }
}

/** A KMS keyring for Node, as `KmsKeyringNode` is built, over `KeyringKms`. */
const KmsKeyring = /* @__PURE__ */ KmsKeyringClass<NodeAlgorithmSuite, KeyringKms>(
  KeyringNode as Newable<KeyringNode>,
);

/** The raw AES key's identity inside a message; fixed, so every local message names the same key. */
const localKey = { keyNamespace: 'hutong', keyName: 'contact-key' } as const;

/**
 * A local key file holds exactly 32 random bytes: an AES-256 key. Copied out of Node's shared
 * buffer pool, as the SDK requires, so nothing else ever shares the key's memory.
 */
function readLocalKey(path: string): Uint8Array {
  const key = readFileSync(path);
  if (key.length !== 32) throw new Error(`CONTACT_KEY file ${path} must hold exactly 32 bytes`);
  return new Uint8Array(key);
}

/**
 * The keyring a `CONTACT_KEY` value names: `kms:<key arn>` (AWS: KMS generates and wraps each
 * data key) or `file:<path>` (one machine: a raw AES-256-GCM key from the file).
 * @example keyringFor('file:.data/contact-key') // RawAesKeyringNode
 */
export function keyringFor(source: string | undefined): KeyringNode {
  if (source?.startsWith('kms:') && source.length > 4) {
    const clients = new Map<string, KeyringKms>();
    const clientProvider = (region: string) => {
      const client = clients.get(region) ?? new KeyringKms(region);
      clients.set(region, client);
      return client;
    };
    return new KmsKeyring({ clientProvider, generatorKeyId: source.slice(4) });
  }
  if (source?.startsWith('file:') && source.length > 5) {
    return new RawAesKeyringNode({
      ...localKey,
      unencryptedMasterKey: readLocalKey(source.slice(5)),
      wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
    });
  }
  throw new Error(
    'Environment variable CONTACT_KEY must be kms:<key arn> or file:<path> for a function that seals or opens contacts',
  );
}

let keyring: KeyringNode | undefined;

/** This function's contact keyring, built from `CONTACT_KEY` on first use and kept. */
export function contactKeyring(): KeyringNode {
  keyring ??= keyringFor(process.env.CONTACT_KEY);
  return keyring;
}
