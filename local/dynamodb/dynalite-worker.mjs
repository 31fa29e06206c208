// Runs dynalite in its own thread, so the database's work (JSON, LevelDB) uses the second core instead of
// competing with the workflows on the main thread. Plain JS: worker threads do not inherit the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  ...(workerData.path ? { path: workerData.path } : {}),
});
server.on('error', (error) => parentPort.postMessage({ error: String(error) }));
server.listen(workerData.port ?? 0, '127.0.0.1', () =>
  parentPort.postMessage({ port: server.address().port }),
);
parentPort.on('message', (message) => {
  if (message === 'close') {
    server.close(() => parentPort.postMessage({ closed: true }));
    server.closeAllConnections?.();
  }
});
