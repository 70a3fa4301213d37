import { describe, expect, it } from 'vitest';
import { allowedLogFields, log, powertoolsLogKeys, safeFields } from '../../functions/http/log.ts';
import { capturedLines } from '../support/captured-lines.ts';

const permitted = new Set<string>([...allowedLogFields, ...powertoolsLogKeys]);

describe('log', () => {
  it('writes one JSON line with the message, the level and the allowed fields', async () => {
    // Act
    const { lines } = await capturedLines(() =>
      log('warn', 'request refused', { route: 'POST /api/reports', status: 429, code: 'too_many_reports' }),
    );
    // Assess
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({
      level: 'WARN',
      message: 'request refused',
      route: 'POST /api/reports',
      status: 429,
      code: 'too_many_reports',
      service: 'hutong',
    });
    expect(Object.keys(line).every((key) => permitted.has(key))).toBe(true);
  });

  it('drops every field outside the list, and any allowed field holding an object', async () => {
    // Prepare: what a careless call site might pass, typed loosely as JavaScript would.
    const careless = {
      route: 'POST /api/followup',
      receipt: '4821 0937 5516 2048',
      body: 'my neighbour hits his son',
      headers: { 'user-agent': 'Probe/1', 'x-forwarded-for': '203.0.113.9' },
      ref: { text: 'my neighbour hits his son' },
      error: new Error('ConditionalCheckFailed for pk REPORT#abc'),
    };
    // Act
    const { lines } = await capturedLines(() => log('error', 'request failed', careless as never));
    // Assess
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line.route).toBe('POST /api/followup');
    for (const key of ['receipt', 'body', 'headers', 'ref', 'error']) expect(line).not.toHaveProperty(key);
    for (const trace of ['4821', 'neighbour', 'Probe/1', '203.0.113.9', 'REPORT#abc'])
      expect(lines[0]).not.toContain(trace);
  });

  it('keeps the allowed fields of every kind it lists', () => {
    // Prepare
    const sample = Object.fromEntries(allowedLogFields.map((field) => [field, 1]));
    // Act
    const kept = safeFields(sample);
    // Assess
    expect(Object.keys(kept).sort()).toEqual([...allowedLogFields].sort());
  });
});
