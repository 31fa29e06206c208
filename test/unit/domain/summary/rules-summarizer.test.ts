import { describe, expect, it } from 'vitest';
import { ConsultationSummarySchema } from '../../../../functions/domain/consultation-summary.ts';
import { summarizeWithRules } from '../../../../functions/domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';

const t = (...lines: string[]): Transcript => ({
  contactId: 'c',
  locale: 'ko-KR',
  turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? 'bot' : 'resident', text })),
});

describe('Function: summarizeWithRules', () => {
  it('returns a valid PARTIAL summary flagged for review when the resident said nothing', () => {
    const summary = summarizeWithRules(t('안녕하세요. 한빛구청 AI 상담원입니다. 김영희 님 맞으신가요?'));
    expect(ConsultationSummarySchema.parse(summary)).toMatchObject({
      outcome: 'PARTIAL',
      urgency: 'LOW',
      needsReview: true,
      summarizer: 'rules',
    });
  });

  it('resolves the callback time against now into calling hours', () => {
    // Prepare: Tuesday 2025-03-04 10:00 KST
    const transcript = t(
      '안녕하세요. 새솔시청 AI 상담원입니다. 위성민 님 맞으세요?',
      '네, 맞는데 지금 운전 중이라서요.',
      '언제 다시 연락드리면 좋을까요?',
      '다음 주 월요일 오전에 주세요.',
    );

    // Act
    const summary = summarizeWithRules(transcript, { now: '2025-03-04T01:00:00.000Z' });

    // Assess
    expect(summary).toMatchObject({
      outcome: 'CALLBACK_REQUESTED',
      urgency: 'LOW',
      followUp: 'PHONE_FOLLOWUP',
      callbackAt: '2025-03-10T01:00:00.000Z',
    });
  });

  it('ties suggested programs and evidence to the turn that suggests them', () => {
    const summary = summarizeWithRules(
      t(
        '안녕하세요. 한빛구청 AI 상담원입니다. 강상철 님 맞으세요?',
        '네 맞아요.',
        '요즘 생활은 어떠세요?',
        '일용직 일이 두 달째 안 잡혀요.',
        '지금 사시는 곳은 월세인가요?',
        '네, 월세가 넉 달 밀려서 집주인이 이달 말까지 나가라고 했어요.',
        '담당자가 찾아뵈어도 될까요?',
        '네, 와 주세요.',
        '감사합니다. 곧 연락드리겠습니다.',
      ),
    );
    expect(summary).toMatchObject({
      outcome: 'COMPLETED',
      urgency: 'HIGH',
      followUp: 'HOME_VISIT',
      crisisTypes: ['HOUSING', 'EMPLOYMENT'],
    });
    expect(summary.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ claim: '퇴거 위기', turn: 5 })]),
    );
    expect(summary.suggestedPrograms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ program: '기초생활보장 주거급여', turn: 5 }),
        expect.objectContaining({ program: '국민취업지원제도', turn: 3 }),
        expect.objectContaining({ program: '긴급복지지원(생계·주거·의료)', turn: 5 }),
      ]),
    );
    const sentences = summary.narrative.split(/(?<=[.다])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
  });

  it('keeps a refusal with a passive death wish at EMERGENCY', () => {
    const summary = summarizeWithRules(
      t(
        '안녕하세요. 푸른군청 AI 상담원입니다. 정복남 님 되시죠?',
        '예. 근데 왜요.',
        '몇 가지 여쭤봐도 될까요?',
        '됐어요. 요새는 그냥 자다가 안 깼으면 좋겠다 싶어요. 이런 전화 하지 마요.',
      ),
    );
    expect(summary).toMatchObject({
      outcome: 'REFUSED',
      urgency: 'EMERGENCY',
      followUp: 'IMMEDIATE_VISIT',
      riskFlags: { selfHarm: true },
    });
  });

  it('labels a wrong number by what the stranger said', () => {
    const summary = summarizeWithRules(
      t(
        '안녕하세요. 미림구청 AI 상담원입니다. 표상훈 님 맞으신가요?',
        '아닌데요. 이 번호 새로 개통했어요.',
        '죄송합니다.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'WRONG_NUMBER', urgency: 'LOW', followUp: 'NONE' });
  });
});
