import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A request as Cognito would receive it. */
interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const credentials = { accessKeyId: 'AKIDHUTONGTEST', secretAccessKey: 'hutong-test-secret' };
const region = 'cn-north-1';

/**
 * Checks a request's SigV4 signature from first principles (AWS's published algorithm), so a
 * request the signer signed differently from how it was sent (host, port, path, headers, body)
 * fails here as it would at Cognito.
 */
function signatureIsValid({ method, path, headers, body }: Received): boolean {
  const authorization = String(headers.authorization);
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return false;
  const [, keyId, day, signedRegion, service, signedHeaders, signature] = match as unknown as string[];
  const names = (signedHeaders as string).split(';');
  const canonical = [
    method,
    path,
    '',
    ...names.map((name) => `${name}:${String(headers[name]).trim()}`),
    '',
    signedHeaders,
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const scope = `${day}/${signedRegion}/${service}/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    headers['x-amz-date'],
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const key = [day, signedRegion, service, 'aws4_request'].reduce<Buffer | string>(
    (k, part) =>
      createHmac('sha256', k)
        .update(part as string)
        .digest(),
    `AWS4${credentials.secretAccessKey}`,
  );
  return (
    keyId === credentials.accessKeyId &&
    signedRegion === region &&
    service === 'cognito-idp' &&
    names.includes('host') &&
    names.includes('x-amz-target') &&
    createHmac('sha256', key).update(toSign).digest('hex') === signature
  );
}

/** Users per group, paged one user per page, as a user pool with these members would answer. */
const members: Record<string, { Username: string; Enabled: boolean; community: string }[]> = {
  office: [
    { Username: 'wang', Enabled: true, community: 'lanting' },
    { Username: 'li', Enabled: true, community: 'lanting' },
    { Username: 'zhao', Enabled: false, community: 'lanting' },
  ],
  lead: [{ Username: 'li', Enabled: true, community: 'lanting' }],
  trainer: [{ Username: 'chen', Enabled: true, community: 'wutong' }],
  reviewer: [],
};

const received: Received[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  process.env.AWS_REGION = region;
  process.env.STAFF_DIRECTORY = 'cognito:cn-north-1_pool';
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const entry = {
        method: String(request.method),
        path: String(request.url),
        headers: request.headers,
        body,
      };
      received.push(entry);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      const input = JSON.parse(body) as { UserPoolId: string; GroupName: string; NextToken?: string };
      if (!signatureIsValid(entry) || input.UserPoolId !== 'cn-north-1_pool') {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'com.amazonaws.cognito#NotAuthorizedException' }));
        return;
      }
      const at = Number(input.NextToken ?? 0);
      const users = members[input.GroupName] ?? [];
      const user = users[at];
      response.end(
        JSON.stringify({
          Users: user
            ? [
                {
                  Username: user.Username,
                  Enabled: user.Enabled,
                  Attributes: [{ Name: 'custom:community', Value: user.community }],
                },
              ]
            : [],
          ...(at + 1 < users.length ? { NextToken: String(at + 1) } : {}),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the staff directory from Cognito's user pool", () => {
  it('lists every enabled member of every staff group, over every page, with their roles and community', async () => {
    // Prepare
    const { poolStaff } = await import('../../functions/store/staff-directory.ts');
    received.length = 0;
    // Act
    const staff = await poolStaff('cn-north-1_pool', endpoint);
    // Assess
    expect(staff).toEqual([
      { username: 'wang', roles: ['office'], community: 'lanting' },
      { username: 'li', roles: ['office', 'lead'], community: 'lanting' },
      { username: 'chen', roles: ['trainer'], community: 'wutong' },
    ]);
    expect(received.length).toBe(3 + 1 + 1 + 1);
    for (const request of received) {
      expect(request.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.ListUsersInGroup');
      expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(signatureIsValid(request), request.headers.authorization).toBe(true);
    }
  });

  it("fails with Cognito's error name when Cognito refuses the call", async () => {
    // Prepare
    const { poolStaff } = await import('../../functions/store/staff-directory.ts');
    // Act
    const refused = poolStaff('cn-north-1_other', endpoint);
    // Assess
    await expect(refused).rejects.toMatchObject({
      name: 'CognitoError',
      type: 'NotAuthorizedException',
      status: 400,
    });
  });
});
