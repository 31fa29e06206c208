import type { CaseResult } from './case-record.ts';
import { URGENCY_RANK, type Urgency } from './consultation-summary.ts';

/**
 * The urgency a case has in the caseworker queue: an UNREACHABLE household ranks as HIGH, because no contact is
 * itself a risk and a home visit is due (contract 3.6).
 */
export function queueUrgency(result: CaseResult, urgency: Urgency | undefined): Urgency {
  if (result === 'UNREACHABLE') return urgency === 'EMERGENCY' ? 'EMERGENCY' : 'HIGH';
  return urgency ?? 'LOW';
}

/**
 * Sort key of the sparse `districtQueue` index: most urgent first, oldest first within a level.
 * `<rank>#<doneAt ISO>#<caseId>`; ISO timestamps in UTC sort lexicographically.
 */
export function queueKeyFor(urgency: Urgency, doneAt: string, caseId: string): string {
  return `${URGENCY_RANK[urgency]}#${doneAt}#${caseId}`;
}
