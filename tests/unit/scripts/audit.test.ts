import { describe, expect, it } from 'vitest';
import { advisoryId, formatVerdict, judgeAudit, parseExceptions } from '../../../scripts/audit.ts';

/** The shape `npm audit --json` prints (report version 2): a vulnerable package and one it pulls in. */
function report(severity: string) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      'some-parser': {
        name: 'some-parser',
        severity,
        isDirect: false,
        via: [{ source: 1100, name: 'some-parser', dependency: 'some-parser', title: 'Prototype pollution in parse()', url: 'https://github.com/advisories/GHSA-abcd-1234-wxyz', severity, range: '<2.0.1' }],
        effects: ['some-tool'],
        range: '<2.0.1',
        nodes: ['node_modules/some-parser'],
        fixAvailable: true,
      },
      'some-tool': { name: 'some-tool', severity, isDirect: true, via: ['some-parser'], effects: [], range: '1.x', nodes: ['node_modules/some-tool'], fixAvailable: true },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 2, critical: 0, total: 2 }, dependencies: { prod: 1, dev: 2, total: 3 } },
  });
}

const clean = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } });

describe('npm audit verdict', () => {
  it('passes a clean report', () => {
    const verdict = judgeAudit(clean, []);
    expect(verdict).toMatchObject({ kind: 'checked', blocking: [] });
    expect(formatVerdict(verdict)).toContain('No high or critical advisory');
  });

  it('blocks on a high advisory, counted once (not again for the package that depends on it)', () => {
    const verdict = judgeAudit(report('high'), []);
    if (verdict.kind !== 'checked') throw new Error('expected a checked report');
    expect(verdict.counts.high).toBe(1);
    expect(verdict.blocking).toEqual([{ package: 'some-parser', severity: 'high', title: 'Prototype pollution in parse()', advisory: 'GHSA-ABCD-1234-WXYZ', range: '<2.0.1' }]);
    expect(formatVerdict(verdict)).toMatch(/HIGH some-parser <2\.0\.1 GHSA-ABCD-1234-WXYZ/);
  });

  it('lets a moderate advisory through', () => {
    const verdict = judgeAudit(report('moderate'), []);
    expect(verdict).toMatchObject({ kind: 'checked', blocking: [], counts: { moderate: 1 } });
  });

  it('accepts an exception only for the same package and advisory, and prints its reason', () => {
    const why = 'only parses our own config file';
    const verdict = judgeAudit(report('critical'), [{ advisory: 'https://github.com/advisories/GHSA-abcd-1234-wxyz', package: 'some-parser', why }]);
    expect(verdict).toMatchObject({ kind: 'checked', blocking: [], excepted: [{ package: 'some-parser', why }] });
    expect(formatVerdict(verdict)).toContain(why);
    const other = judgeAudit(report('critical'), [{ advisory: 'GHSA-abcd-1234-wxyz', package: 'other-package', why }]);
    expect(other).toMatchObject({ kind: 'checked', blocking: [{ package: 'some-parser' }] });
  });

  it('says nothing was checked when the advisory database refuses the request', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } });
    const verdict = judgeAudit(refused, []);
    expect(verdict).toEqual({ kind: 'unreachable', reason: expect.stringContaining('405 Method Not Allowed') });
    expect(formatVerdict(verdict)).toMatch(/^npm audit: NOT CHECKED/);
    expect(judgeAudit('npm error network ETIMEDOUT', [])).toMatchObject({ kind: 'unreachable' });
  });

  it('refuses an exception without a reason', () => {
    expect(() => parseExceptions('[{"advisory":"GHSA-abcd-1234-wxyz","package":"x","why":" "}]')).toThrow(/non-empty "why"/);
    expect(() => parseExceptions('{}')).toThrow(/array/);
    expect(parseExceptions('[]')).toEqual([]);
  });

  it('reads the GHSA id from an advisory URL', () => {
    expect(advisoryId('https://github.com/advisories/GHSA-67mh-4wv8-2f99')).toBe('GHSA-67MH-4WV8-2F99');
    expect(advisoryId('1100')).toBe('1100');
  });
});
