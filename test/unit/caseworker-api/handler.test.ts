import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../../functions/caseworker-api/handler.ts';
import { buildRestEvent } from '../../../local/serve/api-gateway-event.ts';
import {
  buildCase,
  consultedCase,
  HOUSING_TURNS,
  seedCases,
  seedTranscript,
  unreachableCase,
} from '../../fixtures/cases/builders.ts';
import { useFreshLocalTables } from '../../support/local-tables.ts';
import { claimsOf, configFor, context, type Invoke, invoker, localClient } from './harness.ts';

describe('Function: caseworker-api handler', () => {
  let invoke: Invoke;
  let client: ReturnType<typeof localClient>;
  let tables: Record<string, string>;
  const now = new Date('2025-03-04T00:30:00.000Z');

  const emergency = buildCase({
    caseId: 'c-emergency',
    urgency: 'EMERGENCY',
    doneMinute: 50,
    name: '박순자',
  });
  const unreachable = unreachableCase({ caseId: 'c-unreachable', doneMinute: 5, phone: '+8221234567' });
  const highLater = consultedCase({ caseId: 'c-high-later', doneMinute: 40 });
  const medium = buildCase({ caseId: 'c-medium', doneMinute: 1 });
  const low = buildCase({ caseId: 'c-low', urgency: 'LOW', crisisTypes: [], doneMinute: 0 });
  const calling = buildCase({ caseId: 'c-calling', progress: 'CALLING' });
  const otherDistrict = buildCase({
    caseId: 'c-seocho',
    districtCode: '11650',
    urgency: 'EMERGENCY',
    batchId: 'batch-2025-03',
  });
  const farDistrict = buildCase({ caseId: 'c-busan', districtCode: '26110', batchId: 'batch-busan' });

  beforeAll(async () => {
    const fresh = await useFreshLocalTables();
    tables = fresh.tables;
    client = localClient(fresh.endpoint);
    await seedCases(client, tables.CASES_TABLE_NAME!, [
      emergency,
      unreachable,
      highLater,
      medium,
      low,
      calling,
      otherDistrict,
      farDistrict,
    ]);
    await seedTranscript(client, tables.TRANSCRIPTS_TABLE_NAME!, 'sim-housing-1', HOUSING_TURNS);
    invoke = invoker(createHandler({ client, config: configFor(tables), now: () => now }));
  });

  describe('GET /cases', () => {
    it('lists only finished cases of the caller’s district, most urgent first, oldest first within a level', async () => {
      // Act
      const { status, body } = await invoke('GET', '/cases');

      // Assess
      expect(status).toBe(200);
      expect(body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-emergency',
        'c-unreachable',
        'c-high-later',
        'c-medium',
        'c-low',
      ]);
      expect(body.cursor).toBeNull();
    });

    it('masks names and phone numbers, and ranks an UNREACHABLE case as HIGH', async () => {
      // Act
      const { body } = await invoke('GET', '/cases');

      // Assess
      const first = body.items[0];
      expect(first.name).toBe('박*자');
      expect(first.phone).toBe('010-****-5678');
      const visit = body.items.find((item: { caseId: string }) => item.caseId === 'c-unreachable');
      expect(visit).toMatchObject({ result: 'UNREACHABLE', urgency: 'HIGH', name: '김*수' });
      expect(visit.phone).not.toContain('1234567');
      expect(JSON.stringify(body)).not.toContain('+8210');
    });

    it('filters by urgency, result and review', async () => {
      // Act
      const high = await invoke('GET', '/cases?urgency=HIGH');
      const unreachableOnly = await invoke('GET', '/cases?result=UNREACHABLE');
      const closed = await invoke('GET', '/cases?review=CLOSED');

      // Assess
      expect(high.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-unreachable',
        'c-high-later',
      ]);
      expect(unreachableOnly.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-unreachable',
      ]);
      expect(closed.body.items).toEqual([]);
    });

    it('pages with a signed cursor and rejects a tampered or foreign one with 400', async () => {
      // Act
      const first = await invoke('GET', '/cases?limit=2');
      const second = await invoke('GET', `/cases?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
      const [payload, mac] = String(first.body.cursor).split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ v: 1, k: '9', s: JSON.parse(Buffer.from(payload!, 'base64url').toString()).s }),
      ).toString('base64url');
      const forged = await invoke('GET', `/cases?limit=2&cursor=${forgedPayload}.${mac}`);
      const garbage = await invoke('GET', '/cases?cursor=not-a-cursor');
      const otherQuery = await invoke(
        'GET',
        `/cases?limit=2&urgency=LOW&cursor=${encodeURIComponent(first.body.cursor)}`,
      );

      // Assess
      expect(first.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-emergency',
        'c-unreachable',
      ]);
      expect(second.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-high-later',
        'c-medium',
      ]);
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('INVALID_CURSOR');
      expect(garbage.status).toBe(400);
      expect(otherQuery.status).toBe(400);
    });

    it('rejects a limit over 200 or an unknown filter value with 400 in the error shape', async () => {
      // Act
      const tooMany = await invoke('GET', '/cases?limit=201');
      const badUrgency = await invoke('GET', '/cases?urgency=긴급');

      // Assess
      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toEqual({
        error: { code: 'INVALID_REQUEST', message: expect.stringContaining('limit') },
      });
      expect(badUrgency.status).toBe(400);
    });

    it('gives a supervisor the overseen districts merged in queue order', async () => {
      // Act
      const { body } = await invoke('GET', '/cases?limit=3', { claims: claimsOf('11680', 'supervisor') });
      const one = await invoke('GET', '/cases?district=11650', { claims: claimsOf('11680', 'supervisor') });
      const notTheirs = await invoke('GET', '/cases?district=26110', {
        claims: claimsOf('11680', 'supervisor'),
      });

      // Assess
      // Both EMERGENCY: the Seocho case finished earlier, so it comes first.
      expect(body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        'c-seocho',
        'c-emergency',
        'c-unreachable',
      ]);
      expect(one.body.items.map((item: { caseId: string }) => item.caseId)).toEqual(['c-seocho']);
      expect(notTheirs.status).toBe(403);
    });

    it('reads the queue with Query on the districtQueue index', async () => {
      // Prepare: the same Query the handler sends, checked to be served by the index.
      const page = await client.send(
        new QueryCommand({
          TableName: tables.CASES_TABLE_NAME,
          IndexName: 'districtQueue',
          KeyConditionExpression: 'districtCode = :d',
          ExpressionAttributeValues: { ':d': '11680' },
        }),
      );

      // Assess: the calling case has no queue key, so it is absent from the sparse index.
      expect(page.Items?.map((item) => item.caseId)).not.toContain('c-calling');
      expect(page.Count).toBe(5);
    });
  });

  describe('GET /cases/{caseId}', () => {
    it('returns the full case with summary and transcript and records the read in the access log', async () => {
      // Act
      const { status, body } = await invoke('GET', '/cases/c-high-later');
      const log = await client.send(
        new QueryCommand({
          TableName: tables.ACCESS_LOG_TABLE_NAME,
          KeyConditionExpression: 'caseId = :c',
          ExpressionAttributeValues: { ':c': 'c-high-later' },
        }),
      );

      // Assess
      expect(status).toBe(200);
      expect(body.name).toBe('김민수');
      expect(body.phone).toBe('+821012345678');
      expect(body.summary.evidence[0]).toEqual({ claim: '월세 3개월 체납', turn: 3 });
      expect(body.transcript.turns[3].text).toContain('월세를 석 달 째');
      expect(body.queueKey).toBeUndefined();
      expect(log.Items).toHaveLength(1);
      expect(log.Items?.[0]).toMatchObject({
        readerId: 'caseworker-11680',
        readerDistrict: '11680',
        caseDistrict: '11680',
        at: now.toISOString(),
      });
    });

    it('answers 404 for another district’s case, exactly as for a missing one, and logs nothing', async () => {
      // Act
      const other = await invoke('GET', '/cases/c-seocho');
      const missing = await invoke('GET', '/cases/c-nope');
      const log = await client.send(
        new QueryCommand({
          TableName: tables.ACCESS_LOG_TABLE_NAME,
          KeyConditionExpression: 'caseId = :c',
          ExpressionAttributeValues: { ':c': 'c-seocho' },
        }),
      );

      // Assess
      expect(other.status).toBe(404);
      expect(other.body).toEqual(missing.body);
      expect(log.Count).toBe(0);
    });
  });

  describe('POST /cases/{caseId}/claim and PATCH /cases/{caseId}', () => {
    it('claims a NEW case (→ ASSIGNED), is idempotent for the claimer and 409 for anyone else', async () => {
      // Act
      const claimed = await invoke('POST', '/cases/c-medium/claim');
      const again = await invoke('POST', '/cases/c-medium/claim');
      const other = await invoke('POST', '/cases/c-medium/claim', {
        claims: claimsOf('11680', 'caseworker', 'lee'),
      });

      // Assess
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({
        caseId: 'c-medium',
        review: 'ASSIGNED',
        assignee: 'caseworker-11680',
      });
      expect(again.status).toBe(200);
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('CLAIMED_BY_OTHER');
    });

    it('moves the review one step at a time with notes, and refuses skips, going back and others’ cases', async () => {
      // Prepare
      await invoke('POST', '/cases/c-low/claim');

      // Act
      const skip = await invoke('PATCH', '/cases/c-low', { body: { review: 'CLOSED' } });
      const step = await invoke('PATCH', '/cases/c-low', {
        body: { review: 'IN_PROGRESS', note: '내일 오전 방문 예정' },
      });
      const back = await invoke('PATCH', '/cases/c-low', { body: { review: 'ASSIGNED' } });
      const stranger = await invoke('PATCH', '/cases/c-low', {
        body: { review: 'CLOSED' },
        claims: claimsOf('11680', 'caseworker', 'lee'),
      });
      const supervisor = await invoke('PATCH', '/cases/c-low', {
        body: { review: 'CLOSED', note: '주거급여 신청 완료, 종결' },
        claims: claimsOf('11680', 'supervisor'),
      });
      const afterClose = await invoke('PATCH', '/cases/c-low', { body: { review: 'CLOSED' } });

      // Assess
      expect(skip.status).toBe(409);
      expect(skip.body.error.code).toBe('INVALID_TRANSITION');
      expect(step.status).toBe(200);
      expect(step.body.review).toBe('IN_PROGRESS');
      expect(step.body.notes).toEqual([
        { at: now.toISOString(), by: 'caseworker-11680@gangnam.go.kr', text: '내일 오전 방문 예정' },
      ]);
      expect(back.status).toBe(409);
      expect(stranger.status).toBe(409);
      expect(stranger.body.error.code).toBe('CLAIMED_BY_OTHER');
      expect(supervisor.status).toBe(200);
      expect(supervisor.body.review).toBe('CLOSED');
      expect(supervisor.body.notes).toHaveLength(2);
      expect(afterClose.status).toBe(409);
    });

    it('refuses claims on unfinished cases (409), other districts (404) and bad bodies (400)', async () => {
      // Act
      const unfinished = await invoke('POST', '/cases/c-calling/claim');
      const foreign = await invoke('POST', '/cases/c-busan/claim');
      const foreignPatch = await invoke('PATCH', '/cases/c-seocho', { body: { note: '메모' } });
      const emptyBody = await invoke('PATCH', '/cases/c-emergency', { body: {} });
      const extra = await invoke('PATCH', '/cases/c-emergency', {
        body: { review: 'ASSIGNED', assignee: 'me' },
      });
      const malformed = await invoke('PATCH', '/cases/c-emergency', { rawBody: '{"review":' });

      // Assess
      expect(unfinished.status).toBe(409);
      expect(unfinished.body.error.code).toBe('NOT_FINISHED');
      expect(foreign.status).toBe(404);
      expect(foreignPatch.status).toBe(404);
      expect(emptyBody.status).toBe(400);
      expect(extra.status).toBe(400);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('INVALID_JSON');
    });
  });

  describe('GET /batches/{batchId}', () => {
    it('counts progress, result and review over the caller’s districts only', async () => {
      // Act
      const { status, body } = await invoke('GET', '/batches/batch-2025-03');
      const foreign = await invoke('GET', '/batches/batch-busan');

      // Assess
      expect(status).toBe(200);
      expect(body.total).toBe(6);
      expect(body.progress).toMatchObject({ DONE: 5, CALLING: 1, SCHEDULED: 0 });
      expect(body.result).toMatchObject({ CONSULTED: 4, UNREACHABLE: 1 });
      expect(foreign.status).toBe(404);
    });
  });

  describe('API Gateway {proxy+} resource (as the CDK stack deploys it)', () => {
    it('routes on the path and ignores the proxy path parameter', async () => {
      // Prepare
      const handler = createHandler({ client, config: configFor(tables), now: () => now });
      const event = buildRestEvent({ method: 'GET', url: '/cases/c-emergency', claims: claimsOf('11680') });
      event.resource = '/{proxy+}';
      event.pathParameters = { proxy: 'cases/c-emergency' };

      // Act
      const result = await handler(event, context);

      // Assess
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body).caseId).toBe('c-emergency');
    });
  });

  describe('errors', () => {
    it('answers 401 without claims, 403 without a known group, 404/405 for unknown routes', async () => {
      // Act
      const anonymous = await invoke('GET', '/cases', { claims: null });
      const noGroup = await invoke('GET', '/cases', { claims: { sub: 'x', 'custom:district': '11680' } });
      const route = await invoke('GET', '/households');
      const method = await invoke('DELETE', '/cases/c-low');

      // Assess
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
      expect(noGroup.status).toBe(403);
      expect(route.status).toBe(404);
      expect(method.status).toBe(405);
    });

    it('turns an unexpected failure into a 500 with a fixed body and no stack trace', async () => {
      // Prepare: a table that does not exist makes DynamoDB fail.
      const broken = invoker(
        createHandler({ client, config: configFor({ ...tables, CASES_TABLE_NAME: 'no-such-table' }) }),
      );

      // Act
      const { status, body } = await broken('GET', '/cases/c-low');

      // Assess
      expect(status).toBe(500);
      expect(body).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
      expect(JSON.stringify(body)).not.toMatch(/at |ResourceNotFound|no-such-table/);
    });
  });
});
