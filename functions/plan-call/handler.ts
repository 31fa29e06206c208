/**
 * When to send the pre-notice and place the call. FIRST spreads a batch over calling hours by its position in the
 * list (pacing, so thousands of households do not all queue for ten call slots at 10:00); DEFER finds the next
 * slot after the lines were full or calling hours closed.
 */
import { nextCallingSlot, pacedSlot } from '../domain/calling-window.ts';
import type { PhoneKind } from '../domain/household.ts';
import { callingWindowFrom } from '../shared/calling-config.ts';
import { setProgress } from '../shared/case-repository.ts';
import { workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings, type WorkflowSettings } from '../shared/settings.ts';

export interface PlanCallEvent {
  mode: 'FIRST' | 'DEFER';
  caseId: string;
  /** 0-based position of the household among the batch's accepted rows. */
  position: number;
  phoneKind: PhoneKind;
}

export interface CallPlan {
  noticeAt: string;
  callAt: string;
}

const MINUTE = 60_000;

/** Pure planning: exported for tests. */
export function planCall(event: PlanCallEvent, now: Date, settings: WorkflowSettings): CallPlan {
  const window = callingWindowFrom(settings);
  if (event.mode === 'DEFER') {
    // Jitter by position so deferred households do not all come back in the same minute.
    const after = new Date(now.getTime() + (5 + (event.position % 10)) * MINUTE);
    const callAt = nextCallingSlot(after, window);
    return { noticeAt: now.toISOString(), callAt: callAt.toISOString() };
  }
  const lead = event.phoneKind === 'MOBILE' ? settings.noticeLeadMinutes * MINUTE : 0;
  const callsPerHour = settings.callSlots * settings.callsPerSlotHour;
  const callAt = pacedSlot(new Date(now.getTime() + lead), event.position, callsPerHour, window);
  const noticeAt = new Date(Math.max(now.getTime(), callAt.getTime() - lead));
  return { noticeAt: noticeAt.toISOString(), callAt: callAt.toISOString() };
}

const settings = readWorkflowSettings();

export const handler = workflowHandler(async (event: PlanCallEvent): Promise<CallPlan> => {
  const now = new Date();
  if (event.mode === 'DEFER') await setProgress(event.caseId, 'RETRY_WAIT', now);
  return planCall(event, now, settings);
});
