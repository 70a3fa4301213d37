import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/aws/app.ts';
import { acknowledgements } from '../../infra/aws/nag.ts';
import { type Synthesized, synthesize } from './synthesize.ts';

const domainName = 'hutong.example.org';
const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({
    context: { 'hutong:domainName': domainName, 'hutong:certificateArn': certificateArn },
  });
});
afterAll(() => synth.cleanUp());

describe('custom domain', () => {
  it('serves the domain with its certificate and TLS 1.2_2021 at least when both are given', () => {
    // Act
    const distributions = Object.values(synth.template.findResources('AWS::CloudFront::Distribution'));
    const config = (distributions[0] as { Properties: { DistributionConfig: Record<string, unknown> } })
      .Properties.DistributionConfig;
    // Assess
    expect(distributions).toHaveLength(1);
    expect(config.Aliases).toEqual([domainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    synth.template.hasOutput('siteurl', { Value: `https://${domainName}/` });
  });

  it('needs no TLS acknowledgement once the certificate enforces TLS 1.2', () => {
    // Act
    const ids = acknowledgements(synth.app).map((a) => a.id);
    // Assess
    expect(ids).not.toContain('AwsSolutions-CFR4');
    expect(ids).toContain('AwsSolutions-CFR3');
  });

  it('refuses a domain without a certificate', () => {
    // Act + Assess
    expect(() => createApp({ context: { 'hutong:domainName': domainName } })).toThrow(
      /hutong:domainName and hutong:certificateArn/,
    );
  });
});
