import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, wfcProcess } from '../support/wfc-cli.ts';

interface RunJson {
  rows: number;
  accepted: number;
  invalid: { row: number; field: string; reason: string }[];
  duplicates: { row: number; householdId: string; firstRow: number }[];
  batchId: string;
  outcomes: Record<string, number>;
  calls: number;
  sms: number;
  simulatedHours: number;
  wallMs: number;
  maxConcurrentCalls: number;
  callsOutsideHours: number;
  unfinished: unknown[];
}

/** Runs `wfc` as a user would, with its own data folder. */
const wfc = (dataDir: string, ...args: string[]) => wfcProcess(args, { WFC_DATA_DIR: dataDir });

describe('Command: wfc run', () => {
  it('runs the sample list: every row disposed, every accepted household in one terminal result, limits kept', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'wfc-run-'));
    // Act
    const first = await wfc(
      dataDir,
      'run',
      'samples/households.csv',
      '--now',
      '2026-11-25T00:30:00Z',
      '--json',
    );
    // Assess
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as RunJson;
    expect(report.rows).toBe(200);
    expect(report.rows).toBe(report.accepted + report.invalid.length + report.duplicates.length);
    expect(Object.values(report.outcomes).reduce((a, b) => a + b, 0)).toBe(report.accepted);
    expect(report.unfinished).toEqual([]);
    expect(report.calls).toBeGreaterThanOrEqual(report.accepted - (report.outcomes.OPTED_OUT ?? 0));
    expect(report.maxConcurrentCalls).toBeLessThanOrEqual(10);
    expect(report.callsOutsideHours).toBe(0);
    expect(report.simulatedHours).toBeGreaterThan(0);
    expect(first.stderr).toMatch(/households done 194\/194/);
    const outbox = readFileSync(join(dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n');
    expect(outbox.filter((line) => line.includes('"kind":"SMS"')).length).toBe(report.sms);

    // Act: the same list again
    const second = await wfc(dataDir, 'run', 'samples/households.csv', '--json');
    // Assess: no new call, same dispositions and outcomes
    expect(second.code, second.stderr).toBe(0);
    const again = JSON.parse(second.stdout) as RunJson;
    expect(again.calls).toBe(0);
    expect(again.sms).toBe(0);
    expect(again.batchId).toBe(report.batchId);
    expect(again.outcomes).toEqual(report.outcomes);
  });

  it('keeps concurrent calls under --call-slots and is deterministic under --seed', async () => {
    // Prepare: the first 60 rows of the sample
    const dataDirs = [mkdtempSync(join(tmpdir(), 'wfc-run-')), mkdtempSync(join(tmpdir(), 'wfc-run-'))];
    const list = join(dataDirs[0] as string, 'sixty.csv');
    writeFileSync(
      list,
      readFileSync(join(ROOT, 'samples/households.csv'), 'utf8').split('\r\n').slice(0, 61).join('\r\n'),
    );
    // Act
    const runs = await Promise.all(
      dataDirs.map((dir) =>
        wfc(dir, 'run', list, '--now', '2026-11-27T08:00:00Z', '--seed', '3', '--call-slots', '3', '--json'),
      ),
    );
    // Assess
    const [a, b] = runs.map((r) => JSON.parse(r.stdout) as RunJson);
    expect(a?.maxConcurrentCalls).toBeLessThanOrEqual(3);
    expect(a?.callsOutsideHours).toBe(0);
    // Residents behave the same under the same seed; which of several households waiting at the same simulated
    // instant wins a free call slot depends on database timing, so the makespan may differ by minutes.
    expect(a?.outcomes).toEqual(b?.outcomes);
    expect(a?.calls).toBe(b?.calls);
    expect(Math.abs((a?.simulatedHours ?? 0) - (b?.simulatedHours ?? 0))).toBeLessThanOrEqual(
      0.02 * (a?.simulatedHours ?? 0),
    );
  });

  it.each([
    [['run', 'samples/no-such-list.csv']],
    [['run', 'samples/households.csv', '--call-slots', '0']],
    [['run', 'samples/households.csv', '--now', 'yesterday']],
    [['run']],
  ])('exits 2 with one line for %j', async (args) => {
    const result = await wfc(mkdtempSync(join(tmpdir(), 'wfc-run-')), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
