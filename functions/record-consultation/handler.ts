/**
 * After a consultation call: honour an opt-out, schedule a requested callback inside calling hours, or end the
 * case as consulted / refused / wrong number.
 */
import {
  type AttemptDecision,
  type ConsultationDecision,
  decideAfterConsultation,
} from '../domain/call-decisions.ts';
import { resolveCallbackTime, retrySlot } from '../domain/calling-window.ts';
import { type ConsultationSummary, ConsultationSummarySchema } from '../domain/consultation-summary.ts';
import { unsummarizedConsultation } from '../domain/fallback-summary.ts';
import type { Household } from '../domain/household.ts';
import { callingWindowFrom } from '../shared/calling-config.ts';
import { countCallback, getCase, isOptedOut } from '../shared/case-repository.ts';
import { logger, workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface RecordConsultationEvent {
  caseId: string;
  state: {
    household: Household;
    summary?: unknown;
    summaryFailure?: { Error?: string; Cause?: string };
    /** Record Call Attempt's decision, with the case's counts after the call (absent in older executions). */
    decision?: Partial<Extract<AttemptDecision, { next: 'SUMMARIZE' }>>;
  };
}

export type RecordConsultationResult = ConsultationDecision & { summary: ConsultationSummary };

const settings = readWorkflowSettings();

/** Attempts and callbacks so far: carried by Record Call Attempt's decision, else read from the case. */
async function caseCounts(event: RecordConsultationEvent): Promise<{ attempts: number; callbacks: number }> {
  const carried = event.state.decision;
  if (typeof carried?.attemptsSoFar === 'number' && typeof carried.callbacksSoFar === 'number')
    return { attempts: carried.attemptsSoFar, callbacks: carried.callbacksSoFar };
  const record = await getCase(event.caseId);
  return {
    attempts: record.attempts.length,
    callbacks: Number((record as { callbacks?: number }).callbacks ?? 0),
  };
}

export async function recordConsultation(event: RecordConsultationEvent, now = new Date()) {
  const parsed = ConsultationSummarySchema.safeParse(event.state.summary);
  let summary: ConsultationSummary;
  if (parsed.success) {
    summary = parsed.data;
  } else {
    const reason = event.state.summaryFailure?.Error ?? 'invalid summary';
    logger.error('no usable summary', { caseId: event.caseId, reason });
    summary = unsummarizedConsultation(reason);
  }
  const { household } = event.state;
  const [counts, optedOut] = await Promise.all([
    caseCounts(event),
    // Read now: the resident may have opted out during this very call.
    isOptedOut(household.districtCode, household.householdId),
  ]);
  const window = callingWindowFrom(settings);
  const decision = decideAfterConsultation({
    summary,
    optedOut,
    callbacksSoFar: counts.callbacks,
    maxCallbacks: settings.maxCallbacks,
    callbackAt: () => {
      const requested = summary.callbackAt ? new Date(summary.callbackAt) : undefined;
      // A time already past (the summary came after it) or unreadable falls back to the next retry slot.
      if (!requested || Number.isNaN(requested.getTime())) return retrySlot(now, counts.attempts + 1, window);
      const earliest = now.getTime() + 5 * 60_000;
      return resolveCallbackTime(new Date(Math.max(requested.getTime(), earliest)), window);
    },
  });
  if (decision.next === 'CALLBACK') await countCallback(event.caseId, now);
  return { ...decision, summary } satisfies RecordConsultationResult;
}

export const handler = workflowHandler((event: RecordConsultationEvent) => recordConsultation(event));
