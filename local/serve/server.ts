/**
 * `wfc serve`: a node:http server in front of the caseworker Lambda handler, playing API Gateway's part —
 * it verifies bearer tokens like the Cognito authorizer (401 on expired, badly signed or district-less tokens),
 * builds REST proxy events, and serves the static console (`console/`) at `/`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { ApiConfig } from '../../functions/caseworker-api/config.ts';
import { parseSupervisorDistricts } from '../../functions/caseworker-api/config.ts';
import type { SupervisorDistricts } from '../../functions/caseworker-api/identity.ts';
import { matchRoute } from '../../functions/caseworker-api/routes.ts';
import { requireEnv } from '../../functions/shared/env.ts';
import { ACCESS_LOG_TABLE, CASES_TABLE, TRANSCRIPTS_TABLE } from '../../functions/shared/table-design.ts';
import { LOCAL_AWS_CONFIG } from '../dynamodb/local-dynamodb.ts';
import { buildRestEvent } from './api-gateway-event.ts';
import { loadDevSecret } from './dev-secret.ts';
import { TokenRejectedError, verifyDevToken } from './dev-token.ts';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

export interface ServerOptions {
  /** @default 8787; 0 picks a free port */
  port?: number;
  /** @default '127.0.0.1' (local data: never listen on every interface by default) */
  host?: string;
  /** DynamoDB endpoint. @default the process environment (AWS_ENDPOINT_URL_DYNAMODB) */
  endpoint?: string;
  /** Table names keyed by env var (CASES_TABLE_NAME, …), as `ensureTables` returns. @default process.env */
  tables?: Record<string, string>;
  /** Project root holding `.wfc/dev-secret`. @default process.cwd() */
  cwd?: string;
  /** Key that verifies tokens. @default the dev secret under `cwd` */
  devSecret?: Uint8Array;
  /** @default env SUPERVISOR_DISTRICTS */
  supervisorDistricts?: SupervisorDistricts;
  /** @default derived from the dev secret */
  cursorSecret?: string;
  /** @default the repository's `console/` */
  consoleDir?: string;
  now?: () => Date;
  /** One line per request (method, path, status, ms); paths carry case ids only. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const STATIC_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const MAX_BODY = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(consoleDir: string, pathname: string, res: ServerResponse): Promise<boolean> {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = resolve(consoleDir, relative);
  if (!file.startsWith(resolve(consoleDir) + sep)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
  } catch {
    return false;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ...STATIC_HEADERS,
  });
  res.end(body);
  return true;
}

function tableNames(tables: Record<string, string> | undefined) {
  const pick = (envVar: string) => tables?.[envVar] ?? requireEnv(envVar);
  return {
    casesTable: pick(CASES_TABLE.envVar),
    transcriptsTable: pick(TRANSCRIPTS_TABLE.envVar),
    accessLogTable: pick(ACCESS_LOG_TABLE.envVar),
  };
}

/** Starts the local caseworker API + console; resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Quiet the Lambda logger unless asked otherwise: refused requests are logged at info level.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const { createHandler } = await import('../../functions/caseworker-api/handler.ts');
  const secret = options.devSecret ?? loadDevSecret(options.cwd);
  const config: ApiConfig = {
    ...tableNames(options.tables),
    cursorSecret:
      options.cursorSecret ?? createHash('sha256').update('cursor:').update(secret).digest('base64url'),
    supervisorDistricts:
      options.supervisorDistricts ?? parseSupervisorDistricts(process.env.SUPERVISOR_DISTRICTS),
    accessLogRetentionDays: 1825,
  };
  const client = options.endpoint
    ? DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: options.endpoint, ...LOCAL_AWS_CONFIG }), {
        marshallOptions: { removeUndefinedValues: true },
      })
    : undefined;
  const handler = createHandler({
    config,
    ...(client ? { client } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const consoleDir = options.consoleDir ?? DEFAULT_CONSOLE_DIR;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(method, url.pathname);
    if (match.kind === 'not-found' && (method === 'GET' || method === 'HEAD')) {
      if (await serveStatic(consoleDir, url.pathname, res)) return;
    }
    let claims: Record<string, string> | undefined;
    if (match.kind !== 'match' || match.route.authenticated) {
      const header = req.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (match.kind === 'match' && !token) {
        return sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: 'A bearer token is required' } });
      }
      if (token) {
        try {
          claims = await verifyDevToken(token, secret);
        } catch (error) {
          const message = error instanceof TokenRejectedError ? error.message : 'The token is not valid';
          return sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message } });
        }
      }
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return sendJson(res, 400, {
        error: { code: 'BODY_TOO_LARGE', message: 'The request body is too large' },
      });
    }
    const event = buildRestEvent({
      method,
      url: url.pathname + url.search,
      headers: req.headers,
      body,
      ...(claims ? { claims } : {}),
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    });
    const context = {
      functionName: 'caseworker-api-local',
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      awsRequestId: randomUUID(),
      invokedFunctionArn: 'arn:aws:lambda:ap-northeast-2:000000000000:function:caseworker-api-local',
      getRemainingTimeInMillis: () => 30_000,
    } as unknown as Context;
    const result = await handler(event, context);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    res.writeHead(result.statusCode, headers);
    res.end(result.body);
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      options.log?.(
        `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${Date.now() - started}ms`,
      );
    });
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Internal error' } });
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
