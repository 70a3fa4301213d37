import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cdkDeployArgs,
  DeployParameterError,
  firstLead,
  helpText,
  knownContextKeys,
  parseDeployParameters,
  settingWarnings,
} from '../../infra/aws/deploy-parameters.ts';
import { repoRoot } from '../../infra/site-build.ts';

const certificate = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';

describe('deploy parameters', () => {
  it("maps Hutong's flags onto the hutong:* context keys the app reads", () => {
    // Act
    const parameters = parseDeployParameters([
      '--domain',
      'hutong.example.org',
      `--certificate=${certificate}`,
      '--alert-email',
      'office@example.org',
      '--alert-email',
      'lead@example.org,duty@example.org',
      '--ops-email',
      'it@example.org',
      '--lead-email',
      'lead@example.org',
      '--lead-community',
      'lanting',
      '--backup',
      'daily-35',
    ]);
    // Assess
    expect(cdkDeployArgs(parameters)).toEqual([
      '-c',
      'hutong:domainName=hutong.example.org',
      '-c',
      `hutong:certificateArn=${certificate}`,
      '-c',
      'hutong:alertEmails=office@example.org,lead@example.org,duty@example.org',
      '-c',
      'hutong:opsEmails=it@example.org',
      '-c',
      'hutong:firstLeadEmail=lead@example.org',
      '-c',
      'hutong:firstLeadCommunity=lanting',
      '-c',
      'hutong:backupPlan=daily-35',
    ]);
  });

  it('keeps -c, the usual cdk deploy options and everything after a second -- working', () => {
    // Act
    const parameters = parseDeployParameters([
      '-c',
      'hutong:alertPhones=+8613800000000',
      '--profile',
      'hutong',
      '--require-approval',
      'never',
      '-c',
      '@aws-cdk/core:newStyleStackSynthesis=true',
      '--ci',
      '--',
      '--hotswap',
      'anything',
    ]);
    // Assess
    expect(parameters.profile).toBe('hutong');
    expect(parameters.context).toEqual({ 'hutong:alertPhones': '+8613800000000' });
    expect(cdkDeployArgs(parameters)).toEqual([
      '-c',
      'hutong:alertPhones=+8613800000000',
      '--profile',
      'hutong',
      '--require-approval',
      'never',
      '-c',
      '@aws-cdk/core:newStyleStackSynthesis=true',
      '--ci',
      '--hotswap',
      'anything',
    ]);
  });

  it('names an unknown flag and lists the ones there are', () => {
    // Act
    const attempt = () => parseDeployParameters(['--domian', 'hutong.example.org']);
    // Assess
    expect(attempt).toThrow(DeployParameterError);
    expect(attempt).toThrow(/Unknown option --domian\.\nHutong's: --domain, --certificate/);
    expect(attempt).toThrow(/--require-approval/);
  });

  it('refuses a misspelt hutong:* context key, which the app would silently ignore', () => {
    // Act + Assess
    expect(() => parseDeployParameters(['-c', 'hutong:alertEmail=office@example.org'])).toThrow(
      /Unknown context key hutong:alertEmail .*hutong:alertEmails/,
    );
  });

  it('checks values given with -c exactly as the flags are checked', () => {
    // Act + Assess
    expect(() => parseDeployParameters(['-c', 'hutong:alertEmails=office.example.org'])).toThrow(
      /not an email address: office\.example\.org/,
    );
  });

  it.each([
    [['--alert-email', 'office@'], /--alert-email: not an email address: office@/],
    [['--alert-phone', '13800000000'], /not an E\.164 number/],
    [['--domain', 'https://hutong.example.org/', '--certificate', certificate], /--domain: a host name/],
    [
      ['--domain', 'hutong.example.org', '--certificate', certificate.replace('us-east-1', 'ap-east-1')],
      /--certificate: an ACM certificate ARN in us-east-1/,
    ],
    [['--login-prefix', 'hutong-cognito'], /--login-prefix: lower-case letters/],
    [['--lead-email', 'lead@example.org', '--lead-name', 'lead dongsi'], /--lead-name: 2–64 letters/],
    [['--backup', 'weekly'], /hutong:backupPlan "weekly": use off \(the default\) or daily-<days/],
  ])('refuses %j with a message that says what to give', (args, message) => {
    // Act + Assess
    expect(() => parseDeployParameters(args)).toThrow(message);
  });

  it('refuses a domain without its certificate, and a lead without an email to invite', () => {
    // Act + Assess
    expect(() => parseDeployParameters(['--domain', 'hutong.example.org'])).toThrow(
      /--domain and --certificate go together/,
    );
    expect(() => parseDeployParameters(['--lead-community', 'lanting'])).toThrow(/need --lead-email/);
  });

  it('refuses a flag without its value and a stray word', () => {
    // Act + Assess
    expect(() => parseDeployParameters(['--domain'])).toThrow(/--domain needs a value/);
    expect(() => parseDeployParameters(['--domain', '--certificate', certificate])).toThrow(
      /--domain needs a value/,
    );
    expect(() => parseDeployParameters(['hutong'])).toThrow(/Unexpected "hutong"/);
  });

  it('refuses a single-valued flag given twice, rather than guess which one was meant', () => {
    // Act + Assess
    expect(() =>
      parseDeployParameters(['--lead-email', 'a@example.org', '-c', 'hutong:firstLeadEmail=b@example.org']),
    ).toThrow(/given twice/);
  });

  it('takes --config, --region and --help for the deploy itself, not as context', () => {
    // Act
    const parameters = parseDeployParameters(['--config', './district.json', '--region=ap-east-1', '--help']);
    // Assess
    expect(parameters).toMatchObject({ configFile: './district.json', region: 'ap-east-1', help: true });
    expect(cdkDeployArgs(parameters)).toEqual([]);
  });

  it('lists every flag, with its context key, in --help', () => {
    // Act
    const help = helpText();
    // Assess
    for (const key of knownContextKeys) expect(help).toContain(`[${key}]`);
    for (const flag of [
      '--config',
      '--lead-email',
      '--alert-email',
      '--domain',
      '--certificate',
      '--backup',
    ]) {
      expect(help).toContain(`  ${flag} `);
    }
  });

  it('knows every hutong:* context key the CDK app reads, so none is refused or left unchecked', () => {
    // Prepare
    const dir = join(repoRoot, 'infra', 'aws');
    const source = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.startsWith('deploy'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    // Act
    const read = new Set(source.match(/(?<=['"`])hutong:[A-Za-z]+(?=['"`])/g));
    // Assess
    expect([...read].filter((key) => !knownContextKeys.includes(key))).toEqual([]);
  });
});

describe('setting warnings', () => {
  it('says when nobody would hear of urgent reports or alarms, and when the domain is the default', () => {
    // Act
    const warnings = settingWarnings({});
    // Assess
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/Nobody will get urgent-report alerts.*removes the subscriptions/s);
    expect(warnings[1]).toMatch(/--ops-email/);
    expect(warnings[2]).toMatch(/--domain and --certificate/);
  });

  it('says nothing once alerts, alarms and a domain are set, from flags or as cdk.json lists', () => {
    // Act
    const warnings = settingWarnings({
      'hutong:alertPhones': ['+8613800000000'],
      'hutong:opsEmails': 'it@example.org',
      'hutong:domainName': 'hutong.example.org',
    });
    // Assess
    expect(warnings).toEqual([]);
  });
});

describe('first lead', () => {
  const context = (values: Record<string, string>) => (key: string) => values[key];

  it('is absent unless a lead email is given', () => {
    // Act + Assess
    expect(firstLead(context({}), ['lanting', 'wutong'])).toBeUndefined();
  });

  it('defaults to the only community and a username from it, as the audit trail will show', () => {
    // Act
    const lead = firstLead(context({ 'hutong:firstLeadEmail': 'lead@example.org' }), ['lanting']);
    // Assess
    expect(lead).toEqual({ email: 'lead@example.org', community: 'lanting', username: 'lead-lanting' });
  });

  it("refuses a community the configuration doesn't have, naming the ones it has", () => {
    // Act + Assess
    expect(() =>
      firstLead(
        context({ 'hutong:firstLeadEmail': 'lead@example.org', 'hutong:firstLeadCommunity': 'dongsi' }),
        ['lanting', 'wutong'],
      ),
    ).toThrow(/"dongsi" is not one of the configuration's communities: lanting, wutong/);
    expect(() =>
      firstLead(context({ 'hutong:firstLeadEmail': 'lead@example.org' }), ['lanting', 'wutong']),
    ).toThrow(/name one of the configuration's communities/);
  });
});
