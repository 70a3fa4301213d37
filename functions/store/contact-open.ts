/**
 * Opens a sealed contact for the office of the report's community (the function may only
 * `kms:Decrypt` in AWS). The message must carry exactly the context it was sealed under.
 */
import { buildDecrypt } from '@aws-crypto/decrypt-node';
import type { KeyringNode } from '@aws-crypto/material-management-node';
import { StoreUnavailableError } from '../domain/errors.ts';
import {
  contactClientOptions,
  contactContext,
  contactKeyring,
  sealedContactPrefix,
} from './contact-keyring.ts';

/** Built at first use: a module that only imports this one (the queue's) runs none of the SDK. */
let client: ReturnType<typeof buildDecrypt> | undefined;

/**
 * Decrypts a sealed contact of `community`'s report. A message that can't be opened (the key
 * unreachable, the wrong key, a changed byte) is a 503, so the office never mistakes a contact
 * it can't read for none; one sealed under another context is refused outright.
 * @example await openContact(report.sealedContact, report.community) // '138 0000 0000'
 */
export async function openContact(
  sealed: string,
  community: string,
  keyring: KeyringNode = contactKeyring(),
): Promise<string> {
  if (!sealed.startsWith(sealedContactPrefix)) throw new Error('Sealed contact in an unknown format');
  client ??= buildDecrypt(contactClientOptions);
  let opened: Awaited<ReturnType<typeof client.decrypt>>;
  try {
    opened = await client.decrypt(keyring, Buffer.from(sealed.slice(sealedContactPrefix.length), 'base64'));
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
  // The SDK authenticates the context but doesn't compare it with anything: that is ours to do.
  const context = opened.messageHeader.encryptionContext;
  for (const [key, value] of Object.entries(contactContext(community))) {
    if (context[key] !== value) throw new Error(`Sealed contact's context ${key} does not match its report`);
  }
  return opened.plaintext.toString('utf8');
}
