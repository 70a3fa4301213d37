/**
 * The uploads bucket's three calls (PutObject, GetObject, DeleteObject), made directly: one
 * signed HTTPS request each to the bucket's regional endpoint.
 *
 * Why not `@aws-sdk/client-s3`: it adds about 170 KB to a bundle that already holds the DynamoDB
 * client (measured: 385 KB for the client pair before any of our code), and the handout function
 * must stay under 400 KB. What must be exactly right is the SDK's own: its SigV4 signer
 * (`@smithy/signature-v4`), its SHA-256 (`@smithy/core`) and its credential chain (the
 * environment in Lambda, the container's role in CodeBuild), all already bundled with DynamoDB.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { requireEnv } from './env.ts';

/** S3 refused or failed a call; `code` is its error code, e.g. `NoSuchKey`. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`S3 answered ${status} ${code}`);
    this.name = 'S3Error';
  }
}

let signer: SignatureV4 | undefined;

/** Signs and sends one request for `key` in `bucket`; returns the response when S3 accepted it. */
async function send(
  method: 'PUT' | 'GET' | 'DELETE',
  bucket: string,
  key: string,
  body?: { bytes: Uint8Array; contentType: string },
): Promise<Response> {
  const region = requireEnv('AWS_REGION');
  signer ??= new SignatureV4({
    service: 's3',
    region,
    credentials: defaultProvider(),
    sha256: Sha256,
    // S3 signs the path as sent, not encoded twice; keys are checked to be plain ASCII already.
    uriEscapePath: false,
  });
  const hostname = `${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
  const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
  const signed = await signer.sign({
    method,
    protocol: 'https:',
    hostname,
    path,
    query: {},
    headers: { host: hostname, ...(body ? { 'content-type': body.contentType } : {}) },
    ...(body ? { body: body.bytes } : {}),
  });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(`https://${hostname}${path}`, {
    method,
    headers,
    ...(body ? { body: body.bytes } : {}),
  });
  if (!response.ok) {
    const answer = await response.text().catch(() => '');
    throw new S3Error(/<Code>([^<]+)<\/Code>/.exec(answer)?.[1] ?? 'UnknownError', response.status);
  }
  return response;
}

/** PutObject: stores `bytes` under `key` with its Content-Type. */
export async function putObject(bucket: string, key: string, bytes: Uint8Array, contentType: string) {
  await (await send('PUT', bucket, key, { bytes, contentType })).body?.cancel();
}

/** GetObject: the bytes under `key`; throws S3Error `NoSuchKey` when there are none. */
export async function getObject(bucket: string, key: string): Promise<Uint8Array> {
  return new Uint8Array(await (await send('GET', bucket, key)).arrayBuffer());
}

/** DeleteObject: S3 answers 204 whether or not the key existed. */
export async function deleteObject(bucket: string, key: string): Promise<void> {
  await (await send('DELETE', bucket, key)).body?.cancel();
}
