import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../functions/domain/deployment.ts';
import { pickLanguage } from '../../functions/domain/languages.ts';

const shipped = JSON.parse(readFileSync(new URL('../../hutong.config.json', import.meta.url), 'utf8'));

describe('deployment configuration', () => {
  it('accepts the shipped example, with two communities and 110 as the emergency number', () => {
    const deployment = parseDeployment(shipped);
    expect(deployment.communities.map((c) => c.id)).toEqual(['lanting', 'wutong']);
    expect(deployment.emergency.number).toBe('110');
    expect(deployment.hotlines.map((h) => h.number)).toEqual(['12345', '12355', '12338']);
  });

  it('names every problem of an invalid file in one error', () => {
    const broken = {
      ...shipped,
      quickExit: { 'zh-CN': 'http://weather.example', en: 'https://weather.example' },
      communities: [shipped.communities[0], { ...shipped.communities[1], name: { 'zh-CN': '' } }],
    };
    expect(() => parseDeployment(broken)).toThrow(/quickExit\.zh-CN: must be an https:\/\/ address/);
    expect(() => parseDeployment(broken)).toThrow(/communities\.1\.name\.en/);
  });

  it('refuses two communities with the same id', () => {
    const twins = { ...shipped, communities: [shipped.communities[0], shipped.communities[0]] };
    expect(() => parseDeployment(twins)).toThrow(/communities: community ids must be unique/);
  });

  it('requires at least one community', () => {
    expect(() => parseDeployment({ ...shipped, communities: [] })).toThrow(/communities/);
  });
});

describe('language negotiation', () => {
  it('answers in English to English readers and in Chinese otherwise', () => {
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLanguage('fr-FR,en;q=0.5')).toBe('en');
    expect(pickLanguage('en;q=0.2,zh;q=0.8')).toBe('zh-CN');
    expect(pickLanguage('de')).toBe('zh-CN');
    expect(pickLanguage(undefined)).toBe('zh-CN');
  });
});
