import type { ConsultationSummary } from './consultation-summary.ts';

/**
 * The record kept when no summarizer produced one (both the model and the rules failed): ranked HIGH so a person
 * reads the transcript soon, and flagged for review.
 */
export function unsummarizedConsultation(reason: string): ConsultationSummary {
  return {
    outcome: 'PARTIAL',
    urgency: 'HIGH',
    crisisTypes: [],
    riskFlags: { selfHarm: false },
    followUp: 'HOME_VISIT',
    needs: ['상담 녹취 직접 확인 필요'],
    narrative: `상담 요약을 자동으로 만들지 못했습니다(${reason}). 녹취록을 직접 확인해 주세요.`,
    evidence: [],
    needsReview: true,
    summarizer: 'rules',
  };
}
