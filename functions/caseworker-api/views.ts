/**
 * What the API returns for a case: a masked list item for the queue, the full case for one authorized read.
 */
import { queueUrgency } from '../domain/case-queue.ts';
import type { CaseRecord } from '../domain/case-record.ts';
import { maskName, maskPhone } from '../domain/masking.ts';
import type { Transcript } from '../domain/transcript.ts';
import type { QueueRow } from './case-repository.ts';

export interface CaseListItem {
  caseId: string;
  batchId: string;
  householdId: string;
  districtCode: string;
  /** Masked: `김*수`. */
  name: string;
  /** Masked: `010-****-5678`. */
  phone: string;
  result: string | null;
  review: string | null;
  /** Queue urgency: an UNREACHABLE case ranks as HIGH. */
  urgency: string;
  crisisTypes: string[];
  followUp: string | null;
  assignee: string | null;
  doneAt: string | null;
  updatedAt: string;
}

/** A queue row as a list item, PII masked (contract 3.6). */
export function toListItem(row: QueueRow): CaseListItem {
  return {
    caseId: row.caseId,
    batchId: row.batchId,
    householdId: row.householdId,
    districtCode: row.districtCode,
    name: maskName(row.name),
    phone: maskPhone(row.phone),
    result: row.result ?? null,
    review: row.review ?? null,
    urgency: queueUrgency(row.result ?? 'CONSULTED', row.urgency),
    crisisTypes: row.crisisTypes ?? [],
    followUp: row.followUp ?? null,
    assignee: row.assignee ?? null,
    doneAt: row.doneAt ?? null,
    updatedAt: row.updatedAt,
  };
}

/** The full case for an authorized, logged read: household, attempts, summary, notes and the transcript. */
export function toCaseDetail(record: CaseRecord, transcript: Transcript | null) {
  const { queueKey: _queueKey, expiresAt: _expiresAt, ...rest } = record;
  return {
    ...rest,
    urgency: record.result ? queueUrgency(record.result, record.urgency) : (record.urgency ?? null),
    attempts: record.attempts ?? [],
    notes: record.notes ?? [],
    summary: record.summary ?? null,
    transcript,
  };
}

/** The review state a claim or update leaves behind. */
export function toReviewView(record: CaseRecord) {
  return {
    caseId: record.caseId,
    review: record.review ?? null,
    assignee: record.assignee ?? null,
    notes: record.notes ?? [],
    updatedAt: record.updatedAt,
  };
}
