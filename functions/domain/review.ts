/**
 * The caseworker's review of a finished case (DESIGN §3.5): `NEW → ASSIGNED → IN_PROGRESS → CLOSED`, one step
 * at a time, never backwards. Pure rules; the API turns the errors into 409 responses.
 */
import { REVIEW_STATES, type ReviewState } from './case-record.ts';

export class ReviewConflictError extends Error {
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'CLAIMED_BY_OTHER' | 'NOT_FINISHED',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewConflictError';
  }
}

/** The state after `current`, or undefined when the review is closed. */
export function nextReview(current: ReviewState): ReviewState | undefined {
  return REVIEW_STATES[REVIEW_STATES.indexOf(current) + 1];
}

export interface ReviewActor {
  id: string;
  supervisor: boolean;
}

export interface ReviewSubject {
  review?: ReviewState;
  assignee?: string;
  progress: string;
}

/**
 * Checks that `actor` may move `subject` to `target`: only the next state is allowed; a caseworker may only
 * advance a case that is unassigned (NEW → ASSIGNED takes it) or their own; a supervisor may advance any.
 * Returns the assignee the case has afterwards. Throws `ReviewConflictError` otherwise.
 */
export function checkReviewTransition(
  subject: ReviewSubject,
  target: ReviewState,
  actor: ReviewActor,
): string {
  if (subject.progress !== 'DONE' || !subject.review) {
    throw new ReviewConflictError('NOT_FINISHED', 'The case is not finished yet');
  }
  const next = nextReview(subject.review);
  if (next !== target) {
    throw new ReviewConflictError(
      'INVALID_TRANSITION',
      `Review can move from ${subject.review} only to ${next ?? '(nothing: closed)'}, not to ${target}`,
    );
  }
  if (subject.assignee && subject.assignee !== actor.id && !actor.supervisor) {
    throw new ReviewConflictError('CLAIMED_BY_OTHER', 'The case is assigned to another caseworker');
  }
  return subject.assignee ?? actor.id;
}

/**
 * Checks that `actor` may claim the case. Returns `false` when it is already theirs (nothing to write).
 * Claiming a NEW case also moves its review to ASSIGNED.
 */
export function checkClaim(subject: ReviewSubject, actor: ReviewActor): boolean {
  if (subject.progress !== 'DONE' || !subject.review) {
    throw new ReviewConflictError('NOT_FINISHED', 'The case is not finished yet');
  }
  if (subject.assignee === actor.id) return false;
  if (subject.assignee)
    throw new ReviewConflictError('CLAIMED_BY_OTHER', 'The case is claimed by another caseworker');
  if (subject.review === 'CLOSED') throw new ReviewConflictError('INVALID_TRANSITION', 'The case is closed');
  return true;
}
