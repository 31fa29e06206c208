// Runs dynalite in its own thread, so the database's work (JSON, LevelDB) uses the second core instead of
// competing with the workflows on the main thread. It answers two ways: HTTP on a loopback port (for anything
// that wants an endpoint), and requests posted over the worker's message port, which skip the socket round trip
// (the local runtime's SDK clients use that path). Plain JS: worker threads do not inherit the tsx loader.
import { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  ...(workerData.path ? { path: workerData.path } : {}),
});
const handleRequest = server.listeners('request')[0];

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
  handleRequest(req, res);
  if (body) req.emit('data', Buffer.from(body, 'utf8'));
  req.emit('end');
}

// Replies are sent in batches: one message per turn of the event loop, since waking the other thread costs more
// than copying a few responses.
let outgoing = [];
function reply(response) {
  if (outgoing.length === 0)
    setImmediate(() => {
      const batch = outgoing;
      outgoing = [];
      parentPort.postMessage({ batch });
    });
  outgoing.push(response);
}

server.on('error', (error) => parentPort.postMessage({ error: String(error) }));
server.listen(workerData.port ?? 0, '127.0.0.1', () =>
  parentPort.postMessage({ port: server.address().port }),
);
parentPort.on('message', (message) => {
  if (message === 'close') {
    server.close(() => parentPort.postMessage({ closed: true }));
    server.closeAllConnections?.();
  } else if (Array.isArray(message.batch)) {
    for (const request of message.batch) answer(request);
  }
});
