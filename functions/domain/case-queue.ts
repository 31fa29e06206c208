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

/**
 * Sort-key bounds of one urgency level in the `districtQueue` index, for a `BETWEEN` key condition:
 * every key of rank r starts with `r#`, and `r$` sorts right after all of them (`$` follows `#` in ASCII).
 */
export function queueKeyBounds(urgency: Urgency): { from: string; to: string } {
  const rank = URGENCY_RANK[urgency];
  return { from: `${rank}#`, to: `${rank}$` };
}

/**
 * Merges queue pages (one per district, each in queue order) into one page in queue order and keeps the first
 * `limit` rows. Read `limit + 1` rows per district: `more` is then true exactly when rows remain after this page.
 */
export function mergeQueuePages<T extends { queueKey: string }>(
  pages: T[][],
  limit: number,
): { items: T[]; more: boolean } {
  const all = pages.flat().sort((a, b) => compareQueueKeys(a.queueKey, b.queueKey));
  return { items: all.slice(0, limit), more: all.length > limit };
}

/** Byte-order comparison, as DynamoDB orders string sort keys (the keys are ASCII). */
export function compareQueueKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
