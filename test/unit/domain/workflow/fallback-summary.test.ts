import { describe, expect, it } from 'vitest';
import { ConsultationSummarySchema } from '../../../../functions/domain/consultation-summary.ts';
import { unsummarizedConsultation } from '../../../../functions/domain/fallback-summary.ts';

describe('Function: unsummarizedConsultation', () => {
  it('is a valid summary, ranked HIGH for a home visit and flagged for review', () => {
    // Act
    const summary = unsummarizedConsultation('States.Timeout');

    // Assess
    expect(ConsultationSummarySchema.parse(summary)).toEqual({
      outcome: 'PARTIAL',
      urgency: 'HIGH',
      crisisTypes: [],
      riskFlags: { selfHarm: false },
      followUp: 'HOME_VISIT',
      needs: ['상담 녹취 직접 확인 필요'],
      narrative: '상담 요약을 자동으로 만들지 못했습니다(States.Timeout). 녹취록을 직접 확인해 주세요.',
      evidence: [],
      needsReview: true,
      summarizer: 'rules',
    });
  });

  it('stays valid for any reason text', () => {
    const summary = unsummarizedConsultation('요약 실패: "모델 응답 없음"');
    expect(ConsultationSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary.narrative).toContain('요약 실패: "모델 응답 없음"');
  });
});
