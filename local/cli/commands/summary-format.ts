/** Korean human-readable rendering of a consultation summary, shared by `wfc summarize` and `wfc call`. */
import type { ConsultationSummary } from '../../../functions/domain/consultation-summary.ts';
import { CRISIS_LABELS } from '../../../functions/domain/dialogue/prompts.ts';
import { formatKoreanTime } from '../../../functions/domain/korean-time.ts';

const OUTCOME: Record<ConsultationSummary['outcome'], string> = {
  COMPLETED: '상담 완료',
  PARTIAL: '중도 종료',
  REFUSED: '상담 거절',
  WRONG_NUMBER: '잘못된 번호',
  CALLBACK_REQUESTED: '재통화 요청',
};
const URGENCY: Record<ConsultationSummary['urgency'], string> = {
  EMERGENCY: '긴급',
  HIGH: '높음',
  MEDIUM: '보통',
  LOW: '낮음',
};
const FOLLOW_UP: Record<ConsultationSummary['followUp'], string> = {
  IMMEDIATE_VISIT: '즉시 방문',
  HOME_VISIT: '가정 방문',
  PHONE_FOLLOWUP: '전화 후속',
  NONE: '없음',
};

/** Renders a summary for a caseworker reading a terminal. */
export function formatSummary(summary: ConsultationSummary): string {
  const lines = [
    `결과 (outcome)        ${OUTCOME[summary.outcome]} (${summary.outcome})`,
    `긴급도 (urgency)      ${URGENCY[summary.urgency]} (${summary.urgency})${summary.riskFlags.selfHarm ? '  ⚠ 자살·자해 위험' : ''}`,
    `위기 유형             ${summary.crisisTypes.length ? summary.crisisTypes.map((t) => `${CRISIS_LABELS[t]} (${t})`).join(', ') : '없음'}`,
    `후속 조치 (followUp)  ${FOLLOW_UP[summary.followUp]} (${summary.followUp})`,
  ];
  if (summary.callbackAt)
    lines.push(`재통화 시각           ${formatKoreanTime(summary.callbackAt)} (${summary.callbackAt})`);
  lines.push(
    `요약 방식             ${summary.summarizer}${summary.needsReview ? '  ⚠ 검토 필요' : ''}`,
    '',
    '요약:',
    `  ${summary.narrative}`,
  );
  if (summary.needs.length) lines.push('', '필요:', ...summary.needs.map((n) => `  - ${n}`));
  if (summary.evidence.length)
    lines.push('', '근거:', ...summary.evidence.map((e) => `  [${e.turn}] ${e.claim}`));
  if (summary.suggestedPrograms?.length) {
    lines.push(
      '',
      '검토할 제도:',
      ...summary.suggestedPrograms.map((p) => `  - ${p.program}: ${p.reason} [${p.turn}]`),
    );
  }
  return `${lines.join('\n')}\n`;
}
