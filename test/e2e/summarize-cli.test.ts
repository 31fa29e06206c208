import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultationSummarySchema } from '../../functions/domain/consultation-summary.ts';
import { wfcInProcess, wfcProcess } from '../support/wfc-cli.ts';

/** Runs `node local/bin/wfc.mjs …` from the project root as a user would. */
const wfc = (...args: string[]) => wfcProcess(args);

const dir = mkdtempSync(join(tmpdir(), 'wfc-summarize-'));
const transcriptFile = join(dir, 'transcript.json');
writeFileSync(
  transcriptFile,
  JSON.stringify({
    contactId: 'sim-0001',
    locale: 'ko-KR',
    turns: [
      { speaker: 'bot', text: '안녕하세요. 한빛구청 복지정책과 AI 상담원입니다. 김순자 님 맞으신가요?' },
      { speaker: 'resident', text: '야, 나여.' },
      { speaker: 'bot', text: '요즘 식사는 잘 하고 계세요?' },
      { speaker: 'resident', text: '쌀 떨어진 지 사흘 됐어. 물만 마시고 있당께.' },
      { speaker: 'bot', text: '오늘 바로 찾아뵐게요.' },
    ],
  }),
);

describe('CLI: wfc summarize', () => {
  it('prints a Korean summary a caseworker can read (real process)', async () => {
    const result = await wfc('summarize', transcriptFile);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('긴급도 (urgency)      긴급 (EMERGENCY)');
    expect(result.stdout).toContain('끼니·식사 어려움 (FOOD)');
    expect(result.stdout).toContain('즉시 방문 (IMMEDIATE_VISIT)');
    expect(result.stdout).toContain('[3]');
  });

  it('prints the contract JSON with --json', async () => {
    const result = await wfcInProcess('summarize', transcriptFile, '--json');

    expect(result.code).toBe(0);
    const summary = ConsultationSummarySchema.parse(JSON.parse(result.stdout));
    expect(summary).toMatchObject({ urgency: 'EMERGENCY', followUp: 'IMMEDIATE_VISIT', summarizer: 'rules' });
    expect(summary.crisisTypes).toContain('FOOD');
  });

  it('exits 2 for a missing file, non-JSON or a non-transcript', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ hello: 'world' }));

    for (const file of [join(dir, 'missing.json'), bad, wrong]) {
      const result = await wfcInProcess('summarize', file);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('    at ');
    }
  });
});
