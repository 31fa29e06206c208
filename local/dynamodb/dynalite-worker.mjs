// Runs dynalite in its own thread, so the database's work (JSON, indexes) uses the second core instead of
// competing with the workflows on the main thread. It answers two ways: HTTP on a loopback port (for anything
// that wants an endpoint), and requests posted over the worker's message port, which skip the socket round trip
// (the local runtime's SDK clients use that path). Plain JS: worker threads do not inherit the tsx loader.
//
// Storage: dynalite's in-memory engine, persisted as one snapshot file in the data folder — loaded before the
// first request, written on close and 2 s after the last write. LevelDB on disk cost the campaign a third of this
// thread's time (every read is a native call and a thread-pool hop) for durability a local simulator does not need
// between two writes.
import { EventEmitter, once } from 'node:events';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

const SNAPSHOT_FILE = 'tables.v8';
const FLUSH_AFTER_IDLE_MS = 2000;
const RAW = { keyEncoding: 'buffer', valueEncoding: 'buffer' };
const WRITES = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteTable',
  'UpdateTable',
  'UpdateTimeToLive',
  'TagResource',
  'UntagResource',
]);

// dynalite creates its MemoryLevel itself; subclassing the export it will load hands us the instance.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const memoryLevel = fromDynalite('memory-level');
const { MemoryLevel } = memoryLevel;
let store;
memoryLevel.MemoryLevel = class CapturedMemoryLevel extends MemoryLevel {
  constructor(...args) {
    super(...args);
    store ??= this;
  }
};
const { default: dynalite } = await import('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const snapshotPath = workerData.path ? join(workerData.path, SNAPSHOT_FILE) : undefined;

async function loadSnapshot() {
  if (!snapshotPath || !existsSync(snapshotPath)) return;
  const [keys, values] = deserialize(readFileSync(snapshotPath));
  // dynalite rewraps the instance's methods callback-style (dropping options): use the class's own.
  await MemoryLevel.prototype.batch.call(
    store,
    keys.map((key, i) => ({ type: 'put', key, value: values[i] })),
    RAW,
  );
}

let dirty = false;
let flushTimer;
async function writeSnapshot() {
  clearTimeout(flushTimer);
  if (!snapshotPath || !dirty) return;
  dirty = false;
  const keys = [];
  const values = [];
  for await (const [key, value] of MemoryLevel.prototype.iterator.call(store, RAW)) {
    keys.push(key);
    values.push(value);
  }
  // Write then rename: a crash mid-write leaves the previous snapshot whole.
  writeFileSync(`${snapshotPath}.tmp`, serialize([keys, values]));
  renameSync(`${snapshotPath}.tmp`, snapshotPath);
}

function noteRequest(target) {
  if (!snapshotPath || !WRITES.has(String(target).split('.')[1])) return;
  dirty = true;
  clearTimeout(flushTimer);
  flushTimer = setTimeout(() => writeSnapshot().catch(reportError), FLUSH_AFTER_IDLE_MS);
}

function reportError(error) {
  parentPort.postMessage({ error: String(error) });
}

const handleRequest = server.listeners('request')[0];
server.removeAllListeners('request');
server.on('request', (req, res) => {
  noteRequest(req.headers['x-amz-target']);
  handleRequest(req, res);
});

/** Feeds one posted request to dynalite's own request handler through minimal req/res objects. */
function answer({ id, method, path, headers, body }) {
  const req = new EventEmitter();
  Object.assign(req, { method, url: path, headers });
  const responseHeaders = {};
  const res = {
    statusCode: 200,
    setHeader(name, value) {
      responseHeaders[name.toLowerCase()] = String(value);
    },
    getHeader(name) {
      return responseHeaders[name.toLowerCase()];
    },
    end(text) {
      reply({ id, statusCode: res.statusCode, headers: responseHeaders, body: text ?? '' });
    },
  };
  noteRequest(headers['x-amz-target']);
  handleRequest(req, res);
  if (body) req.emit('data', Buffer.from(body, 'utf8'));
  req.emit('end');
}

// Replies are sent in batches, since waking the other thread costs more than copying a few responses: when every
// request received so far is answered, or at the end of the event-loop turn; a large turn goes out in slices so
// the workflows start on the first answers.
const PIPELINE_SLICE = 64;
let outgoing = [];
let unanswered = 0;
function flushReplies() {
  if (outgoing.length === 0) return;
  const batch = outgoing;
  outgoing = [];
  parentPort.postMessage({ batch });
}
function reply(response) {
  unanswered--;
  if (outgoing.length === 0) setImmediate(flushReplies);
  outgoing.push(response);
  if (unanswered === 0 || outgoing.length >= PIPELINE_SLICE) flushReplies();
}

try {
  await MemoryLevel.prototype.open.call(store);
  await loadSnapshot();
} catch (error) {
  parentPort.postMessage({ error: `cannot load ${snapshotPath}: ${error}` });
  process.exit(1);
}
server.on('error', reportError);
server.listen(workerData.port ?? 0, '127.0.0.1');
await once(server, 'listening');
parentPort.postMessage({ port: server.address().port });
parentPort.on('message', async (message) => {
  if (message === 'close') {
    try {
      await writeSnapshot();
      parentPort.postMessage({ closed: true });
    } catch (error) {
      parentPort.postMessage({ closed: true, error: `cannot write ${snapshotPath}: ${error}` });
    }
    server.close();
    server.closeAllConnections?.();
  } else if (Array.isArray(message.batch)) {
    unanswered += message.batch.length;
    for (const request of message.batch) answer(request);
  }
});
