/** First step of a household workflow: create the case once, with the SMS pre-notice it will send. */
import { randomInt } from 'node:crypto';
import { districtFor } from '../domain/district-directory.ts';
import type { Household } from '../domain/household.ts';
import { preNoticeText } from '../domain/notices.ts';
import { type Reservation, reserveCase } from '../shared/case-repository.ts';
import { logger, workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface ReserveCaseEvent {
  batchId: string;
  caseId: string;
  household: Household;
}

export interface ReserveCaseResult {
  status: Reservation;
  noticeText: string;
}

const settings = readWorkflowSettings();

/** A 4-digit code the resident can match between the SMS and the call (never 0000-style trivial codes). */
export function newVerificationCode(random: (max: number) => number = (max) => randomInt(max)): string {
  for (;;) {
    const code = String(1000 + random(9000));
    if (!/^(\d)\1{3}$/.test(code)) return code;
  }
}

export async function reserve(event: ReserveCaseEvent, now = new Date()): Promise<ReserveCaseResult> {
  const district = districtFor(event.household.districtCode, settings.districts);
  const verificationCode = newVerificationCode();
  const status = await reserveCase({
    caseId: event.caseId,
    batchId: event.batchId,
    household: event.household,
    verificationCode,
    now,
    retentionDays: settings.retentionDays,
  });
  logger.info('case reservation', { caseId: event.caseId, status });
  return { status, noticeText: preNoticeText(district, verificationCode) };
}

export const handler = workflowHandler((event: ReserveCaseEvent) => reserve(event));
