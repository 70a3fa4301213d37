/**
 * Sealing and opening a reporter's contact with the local (raw AES) keyring, as `npm start`
 * does: only the key opens it, only for its community, and a changed byte is caught.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { MultiKeyringNode } from '@aws-crypto/material-management-node';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../functions/domain/errors.ts';
import {
  contactClientOptions,
  contactContext,
  keyringFor,
  sealedContactPrefix,
} from '../../functions/store/contact-keyring.ts';
import { openContact } from '../../functions/store/contact-open.ts';
import { sealContact } from '../../functions/store/contact-seal.ts';

const folder = mkdtempSync(join(tmpdir(), 'hutong-contact-'));
/** A fresh local keyring, its 32-byte key in a file as `npm start` keeps it. */
function localKeyring(name: string) {
  const file = join(folder, name);
  writeFileSync(file, randomBytes(32));
  return keyringFor(`file:${file}`);
}
const keyring = localKeyring('key');
const contact = 'WeChat: lanting-mum 138 0013 8000';
const body = (sealed: string) => Buffer.from(sealed.slice(sealedContactPrefix.length), 'base64');

describe('a sealed contact', () => {
  it('opens to the same text with the same key, and shows none of it sealed', async () => {
    // Act
    const sealed = await sealContact(contact, 'lanting', keyring);
    // Assess
    expect(sealed.startsWith(sealedContactPrefix)).toBe(true);
    expect(sealed).not.toContain('138');
    expect(body(sealed).includes(Buffer.from('138 0013 8000'))).toBe(false);
    expect(await openContact(sealed, 'lanting', keyring)).toBe(contact);
  });

  it('is different every time, and each one opens', async () => {
    // Act
    const [first, second] = [
      await sealContact(contact, 'lanting', keyring),
      await sealContact(contact, 'lanting', keyring),
    ];
    // Assess
    expect(first).not.toBe(second);
    expect(await openContact(second, 'lanting', keyring)).toBe(contact);
  });

  it('does not open with another key: a 503, never the text', async () => {
    // Prepare
    const sealed = await sealContact(contact, 'lanting', keyring);
    // Act
    const opening = openContact(sealed, 'lanting', localKeyring('other-key'));
    // Assess
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('does not open when one byte of it changed', async () => {
    // Prepare
    const message = body(await sealContact(contact, 'lanting', keyring));
    const middle = Math.floor(message.length / 2);
    message[middle] = (message[middle] ?? 0) ^ 1;
    // Act
    const opening = openContact(`${sealedContactPrefix}${message.toString('base64')}`, 'lanting', keyring);
    // Assess
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("does not open as another community's contact", async () => {
    // Prepare
    const sealed = await sealContact(contact, 'lanting', keyring);
    // Act
    const opening = openContact(sealed, 'wutong', keyring);
    // Assess
    await expect(opening).rejects.toThrow(/community does not match/);
  });

  it('is refused when sealed under a context without the purpose the key policy requires', async () => {
    // Prepare: a message from the same key, but not made as a contact
    const { encrypt } = buildEncrypt(contactClientOptions);
    const { result } = await encrypt(keyring, contact, { encryptionContext: { community: 'lanting' } });
    // Act
    const opening = openContact(`${sealedContactPrefix}${result.toString('base64')}`, 'lanting', keyring);
    // Assess
    await expect(opening).rejects.toThrow(/purpose does not match/);
  });

  it('is refused when it carries a second data key beside ours', async () => {
    // Prepare: sealed for our key and someone else's
    const { encrypt } = buildEncrypt({ ...contactClientOptions, maxEncryptedDataKeys: false });
    const both = new MultiKeyringNode({ generator: keyring, children: [localKeyring('third-key')] });
    const { result } = await encrypt(both, contact, { encryptionContext: contactContext('lanting') });
    // Act
    const opening = openContact(`${sealedContactPrefix}${result.toString('base64')}`, 'lanting', keyring);
    // Assess
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('names only the purpose and the community in its context, which KMS would see', async () => {
    // Prepare
    const sealed = await sealContact(contact, 'lanting', keyring);
    // Act
    const { buildDecrypt } = await import('@aws-crypto/decrypt-node');
    const { messageHeader } = await buildDecrypt(contactClientOptions).decrypt(keyring, body(sealed));
    // Assess: the SDK adds the signing key's public half; nothing else is there
    const { 'aws-crypto-public-key': publicKey, ...context } = messageHeader.encryptionContext;
    expect(context).toEqual({ purpose: 'hutong-contact', community: 'lanting' });
    expect(publicKey).toBeTypeOf('string');
  });
});

describe('the contact key setting', () => {
  it('is refused, naming CONTACT_KEY, when missing or of an unknown kind', () => {
    expect(() => keyringFor(undefined)).toThrow(/CONTACT_KEY/);
    expect(() => keyringFor('secretsmanager:contact')).toThrow(/CONTACT_KEY/);
    expect(() => keyringFor('kms:')).toThrow(/CONTACT_KEY/);
  });

  it('is refused when its key file does not hold exactly 32 bytes', () => {
    // Prepare
    const file = join(folder, 'short-key');
    writeFileSync(file, randomBytes(16));
    // Act, Assess
    expect(() => keyringFor(`file:${file}`)).toThrow(/32 bytes/);
  });
});
