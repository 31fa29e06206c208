/**
 * Boots a local DynamoDB-API server — dynalite (pure JS, in memory, persisted as a snapshot file), in a worker thread on a
 * free loopback port — and creates the project's tables from the shared table design. DynamoDB Local (Java) was the
 * first choice for fidelity, but measured here it took ~16 s to start on disk and ~13 ms per write, which made a
 * 2,000-household run take minutes; dynalite starts instantly at ~2 ms per write. The workflow therefore avoids
 * the two APIs dynalite lacks (TransactWriteItems, UpdateTimeToLive); `WFC_DYNAMODB_ENDPOINT` points everything at
 * any other DynamoDB (DynamoDB Local, or a real table) instead.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { ALL_TABLES, type TableDesign } from '../../functions/shared/table-design.ts';

export interface LocalDynamoDb {
  endpoint: string;
  /**
   * An SDK request handler that carries the same HTTP requests to the server over the worker's message port
   * instead of a socket: the SDK still serializes, signs and parses as against DynamoDB.
   */
  requestHandler: MessagePortRequestHandler;
  stop(): Promise<void>;
}

interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface PostedResponse {
  id: number;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Requests per message when a turn produces many (see `post`). */
const PIPELINE_SLICE = 64;

// Decodes the SDK's request bodies from their bytes (they warn when treated as strings).
const UTF8 = new TextDecoder();

/** The SDK's HttpHandler contract (handle → { response }), over a worker message port. */
export class MessagePortRequestHandler {
  private seq = 0;
  private readonly pending = new Map<number, (response: PostedResponse) => void>();
  private outgoing: unknown[] = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: { batch?: PostedResponse[] }) => {
      for (const response of message?.batch ?? []) {
        this.pending.get(response.id)?.(response);
        this.pending.delete(response.id);
      }
    });
  }

  /**
   * Requests of one event-loop turn travel together: waking the other thread costs more than copying them. But a
   * request made while the server is idle goes at once (it would otherwise idle until this turn ends), and a
   * large turn (thousands of workflows starting at once) is sent in slices, so the server starts on the first
   * requests while this thread is still preparing the rest.
   */
  private post(request: unknown): void {
    const serverIdle = this.pending.size <= 1; // only this request's own entry
    if (serverIdle && this.outgoing.length === 0) {
      this.worker.postMessage({ batch: [request] });
      return;
    }
    if (this.outgoing.length === 0) setImmediate(() => this.flush());
    this.outgoing.push(request);
    if (this.outgoing.length >= PIPELINE_SLICE) this.flush();
  }

  private flush(): void {
    if (this.outgoing.length === 0) return;
    const batch = this.outgoing;
    this.outgoing = [];
    this.worker.postMessage({ batch });
  }

  async handle(
    request: SdkHttpRequest,
  ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }> {
    const id = ++this.seq;
    const body =
      request.body === undefined || request.body === null
        ? ''
        : typeof request.body === 'string'
          ? request.body
          : UTF8.decode(request.body as Uint8Array);
    const query = new URLSearchParams(
      Object.entries(request.query ?? {}).flatMap(([k, v]) =>
        Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v ?? '']],
      ),
    ).toString();
    const answered = new Promise<PostedResponse>((resolve) => this.pending.set(id, resolve));
    this.post({
      id,
      method: request.method,
      path: query ? `${request.path}?${query}` : request.path,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
      body,
    });
    const posted = await answered;
    return {
      response: {
        statusCode: posted.statusCode,
        headers: posted.headers,
        // The SDK takes a byte array as a body already collected: no stream per response.
        body: Buffer.from(posted.body, 'utf8'),
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

interface SignableRequest {
  headers: Record<string, string>;
}

/**
 * The local server checks that a request carries a SigV4-shaped Authorization header but never verifies the
 * signature, so over the message port the SDK's per-request SigV4 (a fresh signer and two HMAC chains per call)
 * is replaced by a fixed header of the same shape.
 */
export const LOCAL_SIGNER = {
  async sign<T extends SignableRequest>(request: T): Promise<T> {
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    request.headers['x-amz-date'] = amzDate;
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=local/${amzDate.slice(0, 8)}/ap-northeast-2/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=local`;
    return request;
  },
};

/**
 * Middlewares that only matter on a network to AWS (a User-Agent, a Host header, X-Ray recursion detection, the
 * logger): dropped from clients on the message port, where they cost about a sixth of the SDK's time per request.
 */
const NETWORK_ONLY_MIDDLEWARES = [
  'getUserAgentMiddleware',
  'hostHeaderMiddleware',
  'recursionDetectionMiddleware',
  'loggerMiddleware',
];

/**
 * Makes an SDK DynamoDB client (or document client, which shares its client's stack) talk to the local server
 * through `handler`. Serialization, marshalling, retries and parsing stay the SDK's own.
 */
export function useRequestHandler(
  client: { config: object; middlewareStack: { remove(name: string): boolean } },
  handler: MessagePortRequestHandler,
): void {
  const config = client.config as { requestHandler: unknown; signer: unknown };
  config.requestHandler = handler;
  config.signer = async () => LOCAL_SIGNER;
  for (const name of NETWORK_ONLY_MIDDLEWARES) client.middlewareStack.remove(name);
}

export interface StartOptions {
  /** Folder for the snapshot file (loaded at start, written on stop and after writes); memory only when omitted. */
  dataDir?: string;
  /** @default a free port */
  port?: number;
}

/** Credentials and region for local use only: the local server ignores both. */
export const LOCAL_AWS_CONFIG = {
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

/** Starts the local DynamoDB server in a worker thread and resolves once it listens. */
export async function startLocalDynamoDb(options: StartOptions = {}): Promise<LocalDynamoDb> {
  let path: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const worker = new Worker(new URL('./dynalite-worker.mjs', import.meta.url), {
    workerData: { path, port: options.port },
  });
  const port = await new Promise<number>((done, fail) => {
    worker.once('error', fail);
    worker.once('message', (message: { port?: number; error?: string }) =>
      message.port ? done(message.port) : fail(new Error(`local DynamoDB did not start: ${message.error}`)),
    );
  });
  worker.unref();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestHandler: new MessagePortRequestHandler(worker),
    async stop() {
      // The worker writes its snapshot before it answers; idle keep-alive sockets do not hold it up.
      const closed = new Promise<{ error?: string }>((done) => {
        const onMessage = (message: { closed?: boolean; error?: string }) => {
          if (!message?.closed) return;
          worker.off('message', onMessage);
          done(message);
        };
        worker.on('message', onMessage);
      });
      worker.postMessage('close');
      const outcome = await Promise.race([
        closed,
        new Promise<{ error: string }>((done) =>
          setTimeout(() => done({ error: 'local DynamoDB did not close within 60 s' }), 60_000).unref(),
        ),
      ]);
      await worker.terminate();
      if (outcome.error) throw new Error(outcome.error);
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
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
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
        // dynalite has no TTL API (UnknownOperationException); expiry only matters in the cloud.
        await client
          .send(
            new UpdateTimeToLiveCommand({
              TableName: tableName,
              TimeToLiveSpecification: { AttributeName: design.ttlAttribute, Enabled: true },
            }),
          )
          .catch((error: Error) => {
            if (error.name !== 'UnknownOperationException') throw error;
          });
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
