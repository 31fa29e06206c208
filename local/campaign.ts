/**
 * `wfc run`: one uploaded list through the whole flow, locally — intake, one household workflow per accepted row
 * on the shared virtual clock, and the report of where every household ended.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchIdFor, caseIdFor } from '../functions/domain/case-id.ts';
import type { CaseRecord } from '../functions/domain/case-record.ts';
import type { DuplicateRow, InvalidRow } from '../functions/domain/household.ts';
import { UnreadableListError, validateHouseholdList } from '../functions/domain/household-list.ts';
import { UsageError } from './cli/io.ts';
import {
  ensureTables,
  startLocalDynamoDb,
  useLocalDynamoDbEnvironment,
  useRequestHandler,
} from './dynamodb/local-dynamodb.ts';
import { loadSamplePersonas, type PersonaLibrary, personaAssigner } from './personas.ts';
import { createLocalRuntime, outboxPath } from './runtime.ts';

export interface CampaignOptions {
  listPath: string;
  /** Simulated start. @default now */
  now?: Date;
  seed?: number;
  personas?: PersonaLibrary;
  callSlots?: number;
  /** Where DynamoDB Local keeps its files and the outbox is written. @default .wfc */
  dataDir?: string;
  /** Use this DynamoDB instead of starting DynamoDB Local (also env WFC_DYNAMODB_ENDPOINT). */
  dynamoDbEndpoint?: string;
  /** Table name prefix (tests). @default '' */
  tablePrefix?: string;
  settingsEnv?: Record<string, string>;
  /** @default 30000 (see VirtualClock) */
  clockResolutionMs?: number;
  onProgress?: (done: number, total: number, simulatedAt: Date) => void;
}

export interface CampaignReport {
  rows: number;
  accepted: number;
  invalid: InvalidRow[];
  duplicates: DuplicateRow[];
  batchId: string;
  outcomes: Record<string, number>;
  calls: number;
  sms: number;
  alerts: number;
  simulatedHours: number;
  wallMs: number;
  maxConcurrentCalls: number;
  callsOutsideHours: number;
  stateTransitions: number;
  /** The outbox, for the printed report: one pre-notice as sent, and every emergency alert. */
  outboxPreview: { preNotice?: string; alerts: { at: string; subject?: string; text: string }[] };
  /** Households whose workflow did not leave a terminal case (must be 0). */
  unfinished: { householdId: string; error?: string }[];
}

/** Runs a list end to end and returns the report (contract 3.4 fields plus diagnostics). */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.listPath);
  } catch (error) {
    throw new UsageError(
      `cannot read ${options.listPath}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const dataDir = options.dataDir ?? process.env.WFC_DATA_DIR ?? '.wfc';
  mkdirSync(dataDir, { recursive: true });
  const endpointOverride = options.dynamoDbEndpoint ?? process.env.WFC_DYNAMODB_ENDPOINT;
  const dynamo = endpointOverride
    ? undefined
    : await startLocalDynamoDb({ dataDir: join(dataDir, 'dynamodb') });
  const endpoint = endpointOverride ?? (dynamo?.endpoint as string);
  try {
    const tables = await ensureTables(endpoint, options.tablePrefix ?? '');
    useLocalDynamoDbEnvironment(endpoint, tables);
    if (dynamo)
      useRequestHandler((await import('../functions/shared/clients.ts')).dynamoDb, dynamo.requestHandler);
    let report: Awaited<ReturnType<typeof validateHouseholdList>>;
    try {
      report = await validateHouseholdList(bytes);
    } catch (error) {
      if (error instanceof UnreadableListError) throw new UsageError(`${options.listPath}: ${error.message}`);
      throw error;
    }
    // In S3 the key names the district; a local list may hold several.
    const districts = new Set(report.accepted.map((row) => row.household.districtCode));
    const batchId = batchIdFor(districts.size === 1 ? ([...districts][0] as string) : 'multi', bytes);
    // Households with an open case from another list are duplicates (firstRow 0): one read of the locks.
    const activeElsewhere = await activeHouseholds(tables.CONTROL_TABLE_NAME as string, batchId);
    const stillAccepted = [];
    for (const row of report.accepted) {
      const key = `${row.household.districtCode}#${row.household.householdId}`;
      if (activeElsewhere.has(key)) {
        report.duplicates.push({ row: row.row, householdId: row.household.householdId, firstRow: 0 });
      } else {
        stillAccepted.push(row);
      }
    }
    report.accepted = stillAccepted;
    report.duplicates.sort((a, b) => a.row - b.row);

    const seed = options.seed ?? 1;
    const runtime = await createLocalRuntime({
      now: options.now ?? new Date(),
      seed,
      callSlots: options.callSlots ?? 10,
      tables,
      personaFor: personaAssigner(options.personas ?? loadSamplePersonas(), seed),
      outboxFile: outboxPath(dataDir),
      settingsEnv: options.settingsEnv,
      dynamoDbRequestHandler: dynamo?.requestHandler,
      // Events within the same simulated 30 s run side by side: a campaign of days loses nothing at that grain.
      clockResolutionMs: options.clockResolutionMs ?? 30_000,
    });
    try {
      const total = report.accepted.length;
      let done = 0;
      let stateTransitions = 0;
      const unfinished: CampaignReport['unfinished'] = [];
      await Promise.all(
        report.accepted.map(async ({ household }, position) => {
          const caseId = caseIdFor(batchId, household.householdId);
          const result = await runtime.workflow.run({ batchId, caseId, household, position });
          stateTransitions += result.transitions;
          if (result.status !== 'SUCCEEDED')
            unfinished.push({ householdId: household.householdId, error: result.error });
          done++;
          options.onProgress?.(done, total, runtime.clock.now());
        }),
      );
      const outcomes = await countOutcomes(batchId, tables.CASES_TABLE_NAME as string);
      const recorded = Object.values(outcomes).reduce((a, b) => a + b, 0);
      if (recorded < total && unfinished.length === 0) {
        unfinished.push({
          householdId: '*',
          error: `${total - recorded} accepted households have no terminal case`,
        });
      }
      return {
        rows: report.rows,
        accepted: total,
        invalid: report.invalid,
        duplicates: report.duplicates,
        batchId,
        outcomes,
        calls: runtime.network.stats.calls,
        sms: runtime.outbox.count('SMS'),
        alerts: runtime.outbox.count('ALERT'),
        simulatedHours: Math.round(runtime.clock.elapsedHours() * 10) / 10,
        wallMs: Math.round(performance.now() - started),
        maxConcurrentCalls: runtime.network.stats.maxConcurrentCalls,
        callsOutsideHours: runtime.network.stats.callsOutsideHours,
        stateTransitions,
        unfinished,
        outboxPreview: {
          preNotice: runtime.outbox.messages.find((m) => m.kind === 'SMS')?.text,
          alerts: runtime.outbox.messages
            .filter((m) => m.kind === 'ALERT')
            .map(({ at, subject, text }) => ({ at, subject, text })),
        },
      };
    } finally {
      runtime.dispose();
    }
  } finally {
    await dynamo?.stop();
  }
}

/** `district#householdId` of every household locked by a case of another batch. */
async function activeHouseholds(controlTable: string, batchId: string): Promise<Set<string>> {
  const { dynamoDb } = await import('../functions/shared/clients.ts');
  const active = new Set<string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDb.send(
      new ScanCommand({
        TableName: controlTable,
        FilterExpression: 'begins_with(pk, :active) AND batchId <> :batch',
        ExpressionAttributeValues: { ':active': 'ACTIVE#', ':batch': batchId },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) active.add(String(item.pk).slice('ACTIVE#'.length));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return active;
}

/** Counts the batch's finished cases per result (the `outcomes` of contract 3.4). */
async function countOutcomes(batchId: string, tableName: string): Promise<Record<string, number>> {
  const { dynamoDb } = await import('../functions/shared/clients.ts');
  const outcomes: Record<string, number> = {};
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'batchCases',
        KeyConditionExpression: 'batchId = :b',
        ExpressionAttributeValues: { ':b': batchId },
        ProjectionExpression: 'progress, #r',
        ExpressionAttributeNames: { '#r': 'result' },
        ExclusiveStartKey,
      }),
    );
    for (const item of (page.Items ?? []) as Pick<CaseRecord, 'progress' | 'result'>[]) {
      if (item.progress === 'DONE' && item.result) outcomes[item.result] = (outcomes[item.result] ?? 0) + 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return outcomes;
}
