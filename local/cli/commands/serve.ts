/**
 * `wfc serve [--port 8787] [--host 127.0.0.1]`: the caseworker API (contract 3.6) and the console over the local
 * data that `wfc run` writes (the embedded DynamoDB under `.wfc/dynamodb` or `$WFC_DATA_DIR/dynamodb`, or `WFC_DYNAMODB_ENDPOINT`). Runs until
 * interrupted (Ctrl-C).
 */
import { join } from 'node:path';
import {
  ensureTables,
  startLocalDynamoDb,
  useLocalDynamoDbEnvironment,
} from '../../dynamodb/local-dynamodb.ts';
import { startServer } from '../../serve/server.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import type { Command } from '../io.ts';

export const run: Command = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
  });
  const port = intOption(values.port, 'port', 0) ?? 8787;
  const external = process.env.WFC_DYNAMODB_ENDPOINT;
  const dynamo = external
    ? undefined
    : await startLocalDynamoDb({
        dataDir: join(process.env.WFC_DATA_DIR ?? join(io.cwd, '.wfc'), 'dynamodb'),
      });
  const endpoint = external ?? dynamo!.endpoint;
  try {
    const tables = await ensureTables(endpoint);
    useLocalDynamoDbEnvironment(endpoint, tables);
    const server = await startServer({
      port,
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      endpoint,
      tables,
      cwd: io.cwd,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(
      `wfc serve: 상담원 콘솔 ${server.url}/  (API ${server.url}/cases, ${server.url}/openapi.json)\n`,
    );
    io.stdout('wfc serve: 토큰 발급: npx wfc token --district <시군구코드> [--role supervisor]\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  } finally {
    await dynamo?.stop();
  }
};
