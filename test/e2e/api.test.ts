import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueUrgency } from '../../functions/domain/case-queue.ts';
import type { CaseRecord } from '../../functions/domain/case-record.ts';
import type { Urgency } from '../../functions/domain/consultation-summary.ts';
import { signDevToken } from '../../local/serve/dev-token.ts';
import { type RunningServer, startServer } from '../../local/serve/server.ts';
import { buildCase, consultedCase, seedCases, unreachableCase } from '../fixtures/cases/builders.ts';
import { useFreshLocalTables } from '../support/local-tables.ts';
import { localClient } from '../unit/caseworker-api/harness.ts';

const SECRET = new TextEncoder().encode('e2e-dev-secret-0123456789abcdef0123456789');
const URGENCY_CYCLE: Urgency[] = ['LOW', 'MEDIUM', 'HIGH', 'EMERGENCY', 'MEDIUM', 'LOW', 'HIGH'];

/** 137 finished cases in 11680 (some unreachable, some with equal doneAt), 9 in 11650, 2 unfinished. */
function campaign(): CaseRecord[] {
  const cases: CaseRecord[] = [];
  for (let i = 0; i < 137; i += 1) {
    const doneMinute = Math.floor(i / 3); // three cases share each doneAt: the caseId breaks the tie
    const id = `gn-${String(i).padStart(3, '0')}`;
    cases.push(
      i % 11 === 0
        ? unreachableCase({ caseId: id, doneMinute, name: '최영희', phone: '+821098765432' })
        : buildCase({
            caseId: id,
            doneMinute,
            urgency: URGENCY_CYCLE[i % URGENCY_CYCLE.length],
            name: '김민수',
          }),
    );
  }
  for (let i = 0; i < 9; i += 1) {
    cases.push(
      buildCase({ caseId: `sc-${i}`, districtCode: '11650', batchId: 'batch-seocho', doneMinute: i * 7 }),
    );
  }
  cases.push(buildCase({ caseId: 'gn-calling', progress: 'CALLING' }));
  cases.push(consultedCase({ caseId: 'gn-retry', progress: 'RETRY_WAIT' }));
  return cases;
}

function expectedOrder(cases: CaseRecord[], districts: string[]): string[] {
  return cases
    .filter((c) => c.progress === 'DONE' && districts.includes(c.districtCode))
    .map((c) => ({ id: c.caseId, key: c.queueKey! }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((c) => c.id);
}

describe('End-to-end: caseworker API over HTTP (wfc serve) on DynamoDB Local', () => {
  let server: RunningServer;
  let caseworker: string;
  let supervisor: string;
  const cases = campaign();

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };

  async function drain(token: string, limit: number, query = '') {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await get(
        `/cases?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.body.items.map((item: { caseId: string }) => item.caseId));
      cursor = page.body.cursor;
      pages += 1;
    } while (cursor && pages < 100);
    return { ids, pages };
  }

  beforeAll(async () => {
    const { endpoint, tables } = await useFreshLocalTables();
    await seedCases(localClient(endpoint), tables.CASES_TABLE_NAME!, cases);
    server = await startServer({
      port: 0,
      endpoint,
      tables,
      devSecret: SECRET,
      supervisorDistricts: { '11680': ['11680', '11650'] },
    });
    caseworker = await signDevToken({ district: '11680', sub: 'kim-caseworker' }, SECRET);
    supervisor = await signDevToken({ district: '11680', role: 'supervisor', sub: 'park-lead' }, SECRET);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('returns every case of the district exactly once across pages, in queue order', async () => {
    // Act
    const { ids, pages } = await drain(caseworker, 10);

    // Assess
    expect(ids).toHaveLength(137);
    expect(new Set(ids).size).toBe(137);
    expect(ids).toEqual(expectedOrder(cases, ['11680']));
    expect(pages).toBe(14);
  });

  it('ranks most urgent first, with UNREACHABLE cases among HIGH', async () => {
    // Act
    const { body } = await get('/cases?limit=200', caseworker);
    const urgencies: string[] = body.items.map((item: { urgency: string }) => item.urgency);
    const rank = { EMERGENCY: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as Record<string, number>;

    // Assess
    expect(urgencies).toEqual([...urgencies].sort((a, b) => rank[a]! - rank[b]!));
    expect(urgencies[0]).toBe('EMERGENCY');
    const unreachable = body.items.filter((item: { result: string }) => item.result === 'UNREACHABLE');
    expect(unreachable).toHaveLength(13);
    expect(unreachable.every((item: { urgency: string }) => item.urgency === 'HIGH')).toBe(true);
    expect(queueUrgency('UNREACHABLE', undefined)).toBe('HIGH');
  });

  it('pages a filtered queue and a supervisor’s two districts exactly once too', async () => {
    // Act
    const high = await drain(caseworker, 4, '&urgency=HIGH');
    const merged = await drain(supervisor, 7);

    // Assess
    const expectedHigh = cases
      .filter((c) => c.districtCode === '11680' && c.progress === 'DONE')
      .filter((c) => queueUrgency(c.result!, c.urgency) === 'HIGH');
    expect(high.ids.sort()).toEqual(expectedHigh.map((c) => c.caseId).sort());
    expect(merged.ids).toEqual(expectedOrder(cases, ['11680', '11650']));
    expect(merged.ids).toHaveLength(146);
  });

  it('masks names and phone numbers in every list item', async () => {
    // Act
    const { body } = await get('/cases?limit=200', caseworker);

    // Assess
    const text = JSON.stringify(body.items);
    expect(text).not.toContain('김민수');
    expect(text).not.toContain('최영희');
    expect(text).not.toMatch(/\+82|12345678|98765432/);
    const names = new Set(body.items.map((item: { name: string }) => item.name));
    expect(names).toEqual(new Set(['김*수', '최*희']));
    expect(body.items.every((item: { phone: string }) => /^010-\*{4}-\d{4}$/.test(item.phone))).toBe(true);
  });

  it('answers 404 for the other district’s case ids, and 200 for the caller’s own', async () => {
    // Act
    const foreign = await Promise.all(['sc-0', 'sc-5'].map((id) => get(`/cases/${id}`, caseworker)));
    const own = await get('/cases/gn-001', caseworker);
    const bySupervisor = await get('/cases/sc-0', supervisor);

    // Assess
    expect(foreign.map((r) => r.status)).toEqual([404, 404]);
    expect(foreign[0]!.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such case' } });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('김민수');
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(bySupervisor.status).toBe(200);
  });

  it('reports batch progress and serves the OpenAPI document and the console', async () => {
    // Act
    const batch = await get('/batches/batch-2025-03', caseworker);
    const openapi = await get('/openapi.json');
    const page = await fetch(`${server.url}/`);
    const html = await page.text();

    // Assess
    expect(batch.body).toMatchObject({ total: 139, progress: { DONE: 137, CALLING: 1, RETRY_WAIT: 1 } });
    expect(batch.body.result.UNREACHABLE).toBe(13);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html).toContain('상담원 콘솔');
  });
});
