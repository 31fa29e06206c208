import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../local/serve/dev-token.ts';
import { type RunningServer, startServer } from '../../local/serve/server.ts';
import {
  buildCase,
  consultedCase,
  HOUSING_TURNS,
  seedCases,
  seedTranscript,
  unreachableCase,
} from '../fixtures/cases/builders.ts';
import { useFreshLocalTables } from '../support/local-tables.ts';
import { localClient } from '../unit/caseworker-api/harness.ts';

/** Debian's Chromium (apt); a browser is never downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SECRET = new TextEncoder().encode('browser-dev-secret-0123456789abcdef01234');
const SCREENSHOT = join(process.cwd(), 'test-results', 'console.png');

describe('Console in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let token: string;

  beforeAll(async () => {
    const { endpoint, tables } = await useFreshLocalTables();
    const client = localClient(endpoint);
    await seedCases(client, tables.CASES_TABLE_NAME!, [
      consultedCase({ caseId: 'c-top', doneMinute: 3, name: '김민수', phone: '+821012345678' }),
      unreachableCase({ caseId: 'c-visit', doneMinute: 9, name: '이순자', phone: '+821055554444' }),
      buildCase({ caseId: 'c-medium', doneMinute: 1, name: '박영호' }),
      buildCase({ caseId: 'c-low', urgency: 'LOW', crisisTypes: [], doneMinute: 0, name: '정미숙' }),
      buildCase({ caseId: 'c-seocho', districtCode: '11650', urgency: 'EMERGENCY', name: '서초구민' }),
    ]);
    await seedTranscript(client, tables.TRANSCRIPTS_TABLE_NAME!, 'sim-housing-1', HOUSING_TURNS);
    server = await startServer({ port: 0, endpoint, tables, devSecret: SECRET });
    token = await signDevToken({ district: '11680', sub: 'kim-caseworker' }, SECRET);
    userDataDir = mkdtempSync(join(tmpdir(), 'wfc-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1440, height: 900 },
      locale: 'ko-KR',
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('logs in with a dev token, opens the top case, claims it, and keeps PII out of the URL', async () => {
    // Act: log in.
    await page.goto(`${server.url}/`);
    await page.fill('#token-input', token);
    await page.press('#login-submit', 'Enter');
    await page.waitForSelector('#queue-rows tr');

    // Assess: the queue, most urgent first, masked, with the home-visit mark.
    const rows = page.locator('#queue-rows tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().getAttribute('data-case-id')).toBe('c-top');
    const queueText = await page.locator('#queue-rows').innerText();
    expect(queueText).toContain('김*수');
    expect(queueText).toContain('010-****-5678');
    expect(queueText).not.toContain('김민수');
    expect(queueText).not.toContain('서초');
    expect(await page.locator('#queue-rows tr[data-case-id="c-visit"]').innerText()).toContain('방문 필요');
    expect(await page.locator('#counts').innerText()).toContain('전체 4건');

    // Act: open the top case from the keyboard.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail-body .narrative');

    // Assess: summary, needs, programs, evidence and transcript; the URL names the case id only.
    const detail = page.locator('#detail-view');
    expect(await page.locator('#detail-title').innerText()).toBe('김민수 가구');
    expect(await detail.innerText()).toContain('월세 체납 해결');
    expect(await detail.innerText()).toContain('긴급복지지원');
    expect(await page.locator('#turn-3').innerText()).toContain('월세를 석 달 째');
    expect(page.url()).toBe(`${server.url}/#/cases/c-top`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');

    // Act: jump from an evidence claim to its transcript turn, then claim the case.
    await page.locator('.evidence button').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('turn-3');
    await page.click('#claim');
    await page.waitForFunction(() =>
      document.querySelector('#detail-status')?.textContent?.includes('담당자로'),
    );

    // Assess
    expect(await page.locator('.assignee').innerText()).toContain('담당: 나');
    expect(await page.locator('#queue-rows tr[data-case-id="c-top"]').innerText()).toContain('배정됨');
    expect(await page.evaluate(() => sessionStorage.getItem('wfc.token'))).toBe(token);
    expect(page.url()).not.toContain('eyJ');

    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.getElementById('detail-view')?.scrollTo(0, 0);
    });
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it('filters the queue to the unreachable households', async () => {
    // Act
    await page.selectOption('select[name="result"]', 'UNREACHABLE');
    await page.waitForFunction(() => document.querySelectorAll('#queue-rows tr').length === 1);

    // Assess
    expect(await page.locator('#queue-rows tr').first().getAttribute('data-case-id')).toBe('c-visit');
  });
});
