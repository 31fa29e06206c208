/**
 * `npm run bench`: a generated 2,000-household list through the whole local flow (like `wfc run`), printing wall
 * time, peak RSS, calls, simulated hours and state transitions per household. Figures, not assertions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from '../campaign.ts';
import { generateHouseholdList } from '../samples/generate-samples.ts';

const count = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'wfc-bench-'));
const listPath = join(dir, 'households.csv');
writeFileSync(listPath, generateHouseholdList({ count, seed: 42 }));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const report = await runCampaign({ listPath, dataDir: dir, now: new Date('2026-11-25T01:00:00Z'), seed: 42 });
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const line = (k: string, v: string | number) => process.stdout.write(`${k.padEnd(34)} ${v}\n`);
line('households (accepted)', report.accepted);
line('wall time', `${(report.wallMs / 1000).toFixed(1)} s`);
line('peak RSS', `${Math.round(peakRss / 1024 / 1024)} MB`);
line('calls', report.calls);
line('max concurrent calls', report.maxConcurrentCalls);
line('simulated hours', report.simulatedHours);
line('state transitions per household', (report.stateTransitions / Math.max(1, report.accepted)).toFixed(1));
line('outcomes', JSON.stringify(report.outcomes));
line('unfinished', report.unfinished.length);
