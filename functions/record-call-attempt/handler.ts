/** Records one call attempt on the case and decides: summarize, retry later, or give up (UNREACHABLE). */

import { type AttemptDecision, decideAfterAttempt, unansweredAttempts } from '../domain/call-decisions.ts';
import type { CallReport } from '../domain/call-outcome.ts';
import { retrySlot } from '../domain/calling-window.ts';
import { callingWindowFrom } from '../shared/calling-config.ts';
import { recordAttempt } from '../shared/case-repository.ts';
import { workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface RecordCallAttemptEvent {
  caseId: string;
  call: Partial<CallReport> & Pick<CallReport, 'outcome' | 'contactId'>;
}

const settings = readWorkflowSettings();

export async function recordCallAttempt(
  event: RecordCallAttemptEvent,
  now = new Date(),
): Promise<AttemptDecision> {
  const outcome = event.call.outcome;
  const record = await recordAttempt(
    event.caseId,
    {
      at: event.call.startedAt ?? now.toISOString(),
      outcome,
      durationSec: event.call.durationSec ?? 0,
      contactId: event.call.contactId,
    },
    outcome === 'ANSWERED' ? 'CALLING' : 'RETRY_WAIT',
    now,
  );
  const decision = decideAfterAttempt(outcome, record.attempts, settings.maxCallAttempts, () =>
    retrySlot(now, unansweredAttempts(record.attempts) + 1, callingWindowFrom(settings)),
  );
  return decision.next === 'SUMMARIZE'
    ? {
        ...decision,
        attemptsSoFar: record.attempts.length,
        callbacksSoFar: Number((record as { callbacks?: number }).callbacks ?? 0),
      }
    : decision;
}

export const handler = workflowHandler((event: RecordCallAttemptEvent) => recordCallAttempt(event));
