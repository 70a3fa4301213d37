/**
 * AWS JSON 1.1 APIs (Cognito's user pools, CodeBuild), called directly: one signed POST per
 * operation.
 *
 * Why not the services' SDK clients: `@aws-sdk/client-cognito-identity-provider` alone adds about
 * 135 KB to a bundle for the one read the office needs (every schema and error of the service
 * comes with it), and took the actions function over its 400 KB budget. The signing, which is the
 * part that must be exactly right, is the SDK's own (`@smithy/signature-v4`, already bundled with
 * the DynamoDB client); credentials come from the environment Lambda sets, as every other call's do.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import { requireEnv } from './env.ts';

/** What the signer hands a hash: text or bytes in any of their forms. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

/** SHA-256 (or HMAC-SHA-256 with a secret) in the shape the signer asks for. */
class Sha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** A service refused or failed a call; `type` is its error name, e.g. `ResourceNotFoundException`. */
export class AwsJsonError extends Error {
  constructor(
    readonly service: string,
    readonly type: string,
    readonly status: number,
  ) {
    super(`${service} answered ${status} ${type}`);
    this.name = 'AwsJsonError';
  }
}

/** One AWS JSON 1.1 service: its signing name and the prefix of its `X-Amz-Target`. */
export interface AwsJsonService {
  /** The signing name and endpoint prefix, e.g. `codebuild`. */
  name: string;
  /** The target prefix, e.g. `CodeBuild_20161006`. */
  target: string;
}

/**
 * The regional endpoint of `service` in `AWS_REGION`; the China regions have their own domain.
 * @example regionalEndpoint('codebuild') // 'https://codebuild.cn-north-1.amazonaws.com.cn/'
 */
export function regionalEndpoint(service: string): string {
  const region = requireEnv('AWS_REGION');
  return `https://${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
}

/**
 * Calls one operation and returns its JSON answer. `endpoint` defaults to the regional one.
 * @example await callAwsJson({ name: 'codebuild', target: 'CodeBuild_20161006' }, 'StartBuild', { projectName })
 */
export async function callAwsJson<Output>(
  service: AwsJsonService,
  operation: string,
  input: Record<string, unknown>,
  endpoint = regionalEndpoint(service.name),
): Promise<Output> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: service.name,
    region: requireEnv('AWS_REGION'),
    credentials: fromEnv(),
    sha256: Sha256,
  });
  const body = JSON.stringify(input);
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${service.target}.${operation}`,
    },
    body,
  });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(answer.__type ?? response.headers.get('x-amzn-errortype') ?? 'UnknownError');
    throw new AwsJsonError(service.name, type.split('#').pop() ?? type, response.status);
  }
  return answer as Output;
}
