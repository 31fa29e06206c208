import { describe, expect, it } from 'vitest';
import { wfcInProcess, wfcProcess } from '../support/wfc-cli.ts';

/** Runs `node local/bin/wfc.mjs …` from the project root as a user would. */
const wfc = (...args: string[]) => wfcProcess(args);

interface ValidateJson {
  rows: number;
  accepted: number;
  invalid: { row: number; field: string; reason: string }[];
  duplicates: { row: number; householdId: string; firstRow: number }[];
}

describe('Command: wfc validate', () => {
  it('reports the UTF-8 and CP949 samples identically, adding up', async () => {
    // Act
    const [utf8, cp949] = await Promise.all([
      wfc('validate', 'samples/households.csv', '--json'),
      wfc('validate', 'samples/households-cp949.csv', '--json'),
    ]);

    // Assess
    expect(utf8.code).toBe(0);
    expect(cp949.code).toBe(0);
    const report = JSON.parse(utf8.stdout) as ValidateJson;
    expect(JSON.parse(cp949.stdout)).toEqual(report);
    expect(Object.keys(report)).toEqual(['rows', 'accepted', 'invalid', 'duplicates']);
    expect(report.rows).toBe(200);
    expect(report.accepted).toBe(194);
    expect(report.rows).toBe(report.accepted + report.invalid.length + report.duplicates.length);
    expect(report.invalid.map((r) => r.field)).toEqual([
      'phone',
      'name',
      'districtCode',
      'birthYear',
      'phone',
    ]);
    expect(report.duplicates).toEqual([{ row: 151, householdId: 'HH-0000150', firstRow: 150 }]);
  });

  it.each([
    ['english-lf.csv', 8, 5],
    ['odd-spacing.csv', 6, 4],
    ['cp949-broken.csv', 9, 3],
    ['quoted-commas.csv', 5, 5],
    ['header-only.csv', 0, 0],
  ])('reads the fixture %s: %i rows, %i accepted', async (name, rows, accepted) => {
    // Act
    const result = await wfcInProcess('validate', `test/fixtures/lists/${name}`, '--json');

    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ValidateJson;
    expect(report.rows).toBe(rows);
    expect(report.accepted).toBe(accepted);
    expect(report.rows).toBe(report.accepted + report.invalid.length + report.duplicates.length);
  });

  it('prints a Korean summary with the invalid rows without --json', async () => {
    // Act
    const result = await wfc('validate', 'test/fixtures/lists/cp949-broken.csv');

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CP949');
    expect(result.stdout).toMatch(/접수 \(accepted\)\s+3/);
    expect(result.stdout).toContain('3행  name: 성명이 비어 있습니다 (name is empty)');
    expect(result.stdout).toContain('C-1: 1행과 같음 (same as row 1)');
  });

  it.each([
    [['validate', 'samples/no-such-list.csv', '--json'], 'file not found'],
    [['validate', 'test/fixtures/lists/binary-garbage.csv', '--json'], 'binary'],
    [['validate'], 'usage'],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    // Act
    const result = await wfc(...args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
  });

  it.each([
    [['validate', 'test/fixtures/lists/empty.csv'], 'empty'],
    [['validate', 'test/fixtures/lists/missing-column.csv', '--json'], '연락처'],
    [['validate', 'test/fixtures', '--json'], 'not a file'],
    [['validate', 'samples/households.csv', '--xml'], 'xml'],
    [['validate', 'samples/households.csv', 'samples/households-cp949.csv'], 'unexpected argument'],
  ])('returns exit code 2 in-process for %j', async (args, message) => {
    // Act
    const result = await wfcInProcess(...args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
