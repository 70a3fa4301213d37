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
    expect(deployment.hotlines.map((h) => h.number)).toEqual(['12345', '12355', '12338', '120', '12377']);
  });

  it("gives each shipped community a children's home, with and without a phone of its own", () => {
    const deployment = parseDeployment(shipped);
    const homes = deployment.communities.map((c) => c.childrensHome);
    expect(homes.map((home) => home?.name['zh-CN'])).toEqual(['兰亭社区儿童之家', '梧桐社区儿童之家']);
    expect(homes.map((home) => home?.phone)).toEqual(['010-0000 0011', undefined]);
  });

  it("accepts a community without a children's home, since not every community has one", () => {
    const { childrensHome: _, ...withoutHome } = shipped.communities[1];
    const deployment = parseDeployment({ ...shipped, communities: [shipped.communities[0], withoutHome] });
    expect(deployment.communities[1]?.childrensHome).toBeUndefined();
  });

  it("refuses a children's home that is half-translated or has a phone that is not a number", () => {
    const home = shipped.communities[0].childrensHome;
    const withHome = (childrensHome: unknown) => ({
      ...shipped,
      communities: [{ ...shipped.communities[0], childrensHome }, shipped.communities[1]],
    });
    expect(() => parseDeployment(withHome({ ...home, hours: { 'zh-CN': '周六' } }))).toThrow(
      /communities\.0\.childrensHome\.hours\.en/,
    );
    expect(() => parseDeployment(withHome({ ...home, phone: 'ask at the desk' }))).toThrow(
      /communities\.0\.childrensHome\.phone: must be digits, spaces or dashes/,
    );
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
