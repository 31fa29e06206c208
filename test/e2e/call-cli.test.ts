import { describe, expect, it } from 'vitest';
import { wfcInProcess, wfcProcess } from '../support/wfc-cli.ts';

/** Runs `node local/bin/wfc.mjs …` from the project root as a user would. */
const wfc = (...args: string[]) => wfcProcess(args);

describe('CLI: wfc call', () => {
  it('shows the opening with the code, adaptive questions and the summary (real process)', async () => {
    // Act
    const result = await wfc('call', 'samples/personas/utilities-cut.json');

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/확인 번호는 \d, \d, \d, \d입니다/);
    expect(result.stdout).toContain('인공지능');
    // 단전 flag: utilities asked first.
    expect(result.stdout).toMatch(/\[4\] 감사합니다\. 전기, 가스, 수도 요금이 밀렸거나 끊긴 적이 있으세요\?/);
    // The resident already said it is cut, so the severity follow-up is skipped and the next topic comes.
    expect(result.stdout).not.toContain('지금 전기나 가스, 수도가 끊긴 상태인가요?');
    expect(result.stdout).toMatch(/\[6\] 요즘 수입이 줄거나 끊겨서 생활비가 부족하신가요\?/);
    expect(result.stdout).toContain('긴급도 (urgency)      높음 (HIGH)');
    expect(result.stdout).toContain('에너지바우처');
  });

  it('handles a callback and places the consultation on the next call (--json)', async () => {
    const result = await wfcInProcess(
      'call',
      'samples/personas/callback-then-consult.json',
      '--json',
      '--now',
      '2025-03-04T01:00:00.000Z',
    );

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.calls).toHaveLength(2);
    expect(report.calls[0].final).toEqual({
      outcome: 'CALLBACK_REQUESTED',
      callbackAt: '2025-03-05T06:00:00.000Z',
    });
    expect(report.calls[1].now).toBe('2025-03-05T06:00:00.000Z');
    expect(report.calls[1].summary).toMatchObject({ outcome: 'COMPLETED', crisisTypes: ['CARE'] });
  });

  it('raises the emergency during the call for a self-harm signal', async () => {
    const result = await wfcInProcess('call', 'samples/personas/self-harm-indirect.json');

    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const alert = lines.findIndex((l) => l.includes('⚠ 긴급 알림 발송 (SELF_HARM, 109 안내)'));
    expect(alert).toBeGreaterThan(0);
    expect(lines[alert - 1]).toContain('109');
    expect(lines[alert - 2]).toContain('다 그만하고 싶어요');
    expect(result.stdout).toContain('긴급 (EMERGENCY)');
  });

  it.each([
    ['refusal', 'REFUSED', false],
    ['opt-out', 'REFUSED', true],
    ['wrong-number', 'WRONG_NUMBER', false],
  ])('ends %s as %s', async (id, outcome, optOut) => {
    const result = await wfcInProcess('call', `samples/personas/${id}.json`, '--json');
    const call = JSON.parse(result.stdout).calls[0];
    expect(call.final.outcome).toBe(outcome);
    expect(Boolean(call.final.optOut)).toBe(optOut);
  });

  it('exits 2 on a missing or invalid persona file', async () => {
    const missing = await wfcInProcess('call', 'samples/personas/nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const invalid = await wfcInProcess('call', 'package.json');
    expect(invalid.code).toBe(2);
    const noArg = await wfcInProcess('call');
    expect(noArg.code).toBe(2);
  });
});
