/**
 * The operations of the caseworker API, with district isolation applied to every read and write: a case or
 * batch outside the caller's districts is answered exactly like one that does not exist (404).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mergeQueuePages } from '../domain/case-queue.ts';
import { CASE_RESULTS, type CaseRecord, PROGRESS, REVIEW_STATES } from '../domain/case-record.ts';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../domain/cursor.ts';
import { checkClaim, checkReviewTransition, ReviewConflictError } from '../domain/review.ts';
import type { Transcript } from '../domain/transcript.ts';
import { loadTranscript } from '../shared/transcript-repository.ts';
import { type CaseRepository, WriteConflictError } from './case-repository.ts';
import type { ApiConfig } from './config.ts';
import { badRequest, conflict, forbidden, notFound } from './errors.ts';
import type { Caller } from './identity.ts';
import type { ListCasesQuery, UpdateCaseBody } from './routes.ts';
import { toCaseDetail, toListItem, toReviewView } from './views.ts';

export interface ServiceDependencies {
  repository: CaseRepository;
  client: DynamoDBDocumentClient;
  config: ApiConfig;
  now: () => Date;
}

function actorOf(caller: Caller) {
  return { id: caller.id, supervisor: caller.role === 'supervisor' };
}

function asConflict(error: unknown): never {
  if (error instanceof ReviewConflictError) throw conflict(error.code, error.message);
  throw error;
}

export class CaseworkerService {
  constructor(private readonly deps: ServiceDependencies) {}

  get config(): ApiConfig {
    return this.deps.config;
  }

  /** The caller's queue, most urgent first, one page at a time. */
  async listCases(caller: Caller, query: ListCasesQuery) {
    let districts = caller.districts;
    if (query.district) {
      if (!caller.districts.includes(query.district)) throw forbidden('That district is not one of yours');
      districts = [query.district];
    }
    const filter = { review: query.review, result: query.result, urgency: query.urgency };
    // The cursor only continues the very query it came from: same districts, same filters.
    const scope = JSON.stringify([districts, filter.review ?? '', filter.result ?? '', filter.urgency ?? '']);
    let afterKey: string | undefined;
    if (query.cursor) {
      try {
        afterKey = decodeCursor(query.cursor, scope, this.deps.config.cursorSecret);
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest('INVALID_CURSOR', error.message);
        throw error;
      }
    }
    const pages = await Promise.all(
      districts.map((district) =>
        this.deps.repository.queryQueue(district, filter, afterKey, query.limit + 1),
      ),
    );
    const { items, more } = mergeQueuePages(pages, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toListItem),
      cursor: more && last ? encodeCursor(last.queueKey, scope, this.deps.config.cursorSecret) : null,
    };
  }

  private async visibleCase(caller: Caller, caseId: string): Promise<CaseRecord> {
    const record = await this.deps.repository.getCase(caseId);
    if (!record || !caller.districts.includes(record.districtCode)) throw notFound('No such case');
    return record;
  }

  /** One full case; the read is logged (who, when) before anything is returned. */
  async getCase(caller: Caller, caseId: string, sourceIp?: string) {
    const record = await this.visibleCase(caller, caseId);
    const at = this.deps.now();
    await this.deps.repository.logAccess({
      caseId,
      readerId: caller.id,
      readerName: caller.name,
      readerDistrict: caller.district,
      caseDistrict: record.districtCode,
      ...(sourceIp ? { sourceIp } : {}),
      at: at.toISOString(),
      expiresAt: Math.floor(at.getTime() / 1000) + this.deps.config.accessLogRetentionDays * 86_400,
    });
    let transcript: Transcript | null = null;
    if (record.consultedContactId) {
      transcript = await loadTranscript(record.consultedContactId, {
        client: this.deps.client,
        tableName: this.deps.config.transcriptsTable,
      });
    }
    return toCaseDetail(record, transcript);
  }

  /** Assigns the case to the caller (idempotent for the caller; 409 when someone else holds it). */
  async claimCase(caller: Caller, caseId: string) {
    const record = await this.visibleCase(caller, caseId);
    let write: boolean;
    try {
      write = checkClaim(record, actorOf(caller));
    } catch (error) {
      asConflict(error);
    }
    if (!write) return toReviewView(record);
    try {
      return toReviewView(
        await this.deps.repository.claim(caseId, caller.id, record.review!, this.deps.now().toISOString()),
      );
    } catch (error) {
      if (error instanceof WriteConflictError) {
        throw conflict('CLAIMED_BY_OTHER', 'The case was claimed by someone else a moment ago');
      }
      throw error;
    }
  }

  /** Advances the review one step and/or appends a note. */
  async updateCase(caller: Caller, caseId: string, body: UpdateCaseBody) {
    const record = await this.visibleCase(caller, caseId);
    if (record.progress !== 'DONE' || !record.review)
      throw conflict('NOT_FINISHED', 'The case is not finished yet');
    let assignee: string | undefined;
    if (body.review) {
      try {
        assignee = checkReviewTransition(record, body.review, actorOf(caller));
      } catch (error) {
        asConflict(error);
      }
    }
    const now = this.deps.now().toISOString();
    try {
      const updated = await this.deps.repository.updateReview(
        caseId,
        {
          seen: record.review,
          ...(record.assignee ? { seenAssignee: record.assignee } : {}),
          ...(body.review ? { review: body.review } : {}),
          ...(assignee && assignee !== record.assignee ? { assignee } : {}),
          ...(body.note ? { note: { at: now, by: caller.name, text: body.note } } : {}),
        },
        now,
      );
      return toReviewView(updated);
    } catch (error) {
      if (error instanceof WriteConflictError) {
        throw conflict('CONCURRENT_UPDATE', 'The case changed meanwhile; reload it and try again');
      }
      throw error;
    }
  }

  /** Progress of one uploaded list, counted over the caller's districts only. */
  async getBatch(caller: Caller, batchId: string) {
    const rows = (await this.deps.repository.batchCases(batchId)).filter((row) =>
      caller.districts.includes(row.districtCode),
    );
    if (rows.length === 0) throw notFound('No such batch');
    const count = <K extends string>(
      keys: readonly K[],
      pick: (row: (typeof rows)[number]) => K | undefined,
    ) => {
      const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
      for (const row of rows) {
        const key = pick(row);
        if (key !== undefined && key in counts) counts[key] += 1;
      }
      return counts;
    };
    return {
      batchId,
      total: rows.length,
      progress: count(PROGRESS, (row) => row.progress),
      result: count(CASE_RESULTS, (row) => row.result),
      review: count(REVIEW_STATES, (row) => row.review),
    };
  }
}
