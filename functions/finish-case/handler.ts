/**
 * Writes the case's terminal record (exactly once) and prepares what the workflow sends after it: the emergency
 * alert for the district, and the office number by SMS to a mobile we never reached.
 */
import type { CaseResult } from '../domain/case-record.ts';
import type { ConsultationSummary } from '../domain/consultation-summary.ts';
import type { District } from '../domain/district-directory.ts';
import type { Household } from '../domain/household.ts';
import { maskName } from '../domain/masking.ts';
import { unreachableNoticeText } from '../domain/notices.ts';
import { finishCase } from '../shared/case-repository.ts';
import { logger, workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface FinishCaseEvent {
  caseId: string;
  state: {
    batchId?: string;
    household?: Household;
    decision?: { result?: CaseResult; reason?: string; summary?: ConsultationSummary };
    summary?: ConsultationSummary;
    call?: { contactId?: string };
    failure?: { Error?: string; Cause?: string };
  };
}

export interface FinishCaseResult {
  result: CaseResult;
  urgency: string;
  alert: boolean;
  alertSubject?: string;
  alertMessage?: string;
  unreachableSmsText?: string;
}

const settings = readWorkflowSettings();

export async function finish(event: FinishCaseEvent, now = new Date()): Promise<FinishCaseResult> {
  const { decision, failure } = event.state;
  const result: CaseResult = decision?.result ?? 'UNREACHABLE';
  const summary = decision?.summary ?? event.state.summary;
  const reason = failure?.Error
    ? `${decision?.reason ?? 'SYSTEM_ERROR'}: ${failure.Error}`
    : (decision?.reason ?? 'finished');
  const contactId = event.state.call?.contactId;
  const record = await finishCase({
    caseId: event.caseId,
    result,
    summary,
    consultedContactId: summary && contactId && contactId !== 'none' ? contactId : undefined,
    reason,
    now,
    ...(event.state.batchId && event.state.household
      ? {
          orphan: {
            batchId: event.state.batchId,
            household: event.state.household,
            retentionDays: settings.retentionDays,
          },
        }
      : {}),
  });
  // An unconfigured district must not stop the alert: fall back to the code itself.
  const district: District = settings.districts[record.districtCode] ?? {
    code: record.districtCode,
    name: record.districtCode,
    officeName: `${record.districtCode} 복지 담당 부서`,
    officePhone: '',
  };
  const output: FinishCaseResult = {
    result: record.result ?? result,
    urgency: record.urgency ?? 'LOW',
    alert: false,
  };
  if (record.urgency === 'EMERGENCY') {
    output.alert = true;
    output.alertSubject = `[긴급] ${district.name} 위기가구 상담 결과`;
    output.alertMessage = [
      `${district.officeName} 긴급 대응이 필요한 상담이 접수되었습니다.`,
      `사례번호: ${record.caseId} (가구번호 ${[record.householdId, record.dong, maskName(record.name)].filter(Boolean).join(', ')})`,
      `요약: ${record.summary?.narrative ?? '녹취를 확인해 주세요.'}`,
      '즉시 방문 또는 연락해 주세요. 상세 내용은 상담 콘솔에서 확인할 수 있습니다.',
    ].join('\n');
  }
  if (
    record.result === 'UNREACHABLE' &&
    record.phoneKind === 'MOBILE' &&
    settings.unreachableSms &&
    district.officePhone
  ) {
    output.unreachableSmsText = unreachableNoticeText(district);
  }
  logger.info('case finished', { caseId: record.caseId, result: output.result, urgency: output.urgency });
  return output;
}

export const handler = workflowHandler((event: FinishCaseEvent) => finish(event));
