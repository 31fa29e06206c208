/** `wfc run <list.csv>`: the whole flow on a local list (contract 3.4). */
import { SingleBar } from 'cli-progress';
import { type CampaignReport, runCampaign } from '../../campaign.ts';
import { loadPersonaFile } from '../../personas.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { type CliIO, type Command, EXIT_OK, EXIT_RUNTIME_FAILURE, UsageError } from '../io.ts';

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO date-time, got "${value}"`);
  return date;
}

const RESULT_LABELS: Record<string, string> = {
  CONSULTED: '상담 완료 (CONSULTED)',
  UNREACHABLE: '연결 안 됨 · 방문 필요 (UNREACHABLE)',
  REFUSED: '상담 거부 (REFUSED)',
  WRONG_NUMBER: '잘못된 번호 (WRONG_NUMBER)',
  OPTED_OUT: '수신 거부 (OPTED_OUT)',
};

function printTable(report: CampaignReport, io: CliIO): void {
  const line = (label: string, value: string | number) => io.stdout(`  ${label.padEnd(38)} ${value}\n`);
  io.stdout(`\n배치 ${report.batchId}\n`);
  line('rows (data rows read)', report.rows);
  line('accepted', report.accepted);
  line('invalid', report.invalid.length);
  line('duplicates', report.duplicates.length);
  io.stdout('\n  결과 (result)\n');
  for (const [result, label] of Object.entries(RESULT_LABELS))
    line(`  ${label}`, report.outcomes[result] ?? 0);
  io.stdout('\n');
  line('calls placed', report.calls);
  line('SMS sent', report.sms);
  line('emergency alerts', report.alerts);
  line('max concurrent calls', report.maxConcurrentCalls);
  line('calls started outside calling hours', report.callsOutsideHours);
  line('simulated hours (makespan)', report.simulatedHours);
  line('wall time', `${(report.wallMs / 1000).toFixed(1)} s`);
  if (report.outboxPreview.preNotice)
    io.stdout(`\n  문자 예시 (SMS pre-notice)\n  ${report.outboxPreview.preNotice}\n`);
  if (report.outboxPreview.alerts.length > 0) io.stdout('\n  긴급 알림 (emergency alerts)\n');
  for (const alert of report.outboxPreview.alerts.slice(0, 10)) {
    io.stdout(
      `  ${alert.at.slice(0, 16).replace('T', ' ')}Z ${alert.subject ?? ''} ${alert.text.split('\n')[1] ?? alert.text.split('\n')[0]}\n`,
    );
  }
  io.stdout('\n');
  for (const row of report.invalid.slice(0, 10))
    io.stdout(`  ! row ${row.row} ${row.field}: ${row.reason}\n`);
  for (const u of report.unfinished.slice(0, 10)) io.stdout(`  ✗ ${u.householdId}: ${u.error}\n`);
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {
    now: { type: 'string' },
    seed: { type: 'string' },
    personas: { type: 'string' },
    'call-slots': { type: 'string' },
    faults: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [listPath, ...extra] = positionals;
  if (!listPath || extra.length > 0)
    throw new UsageError(
      'usage: wfc run <list.csv> [--now ISO] [--seed n] [--personas file] [--call-slots n] [--json]',
    );
  if (values.faults !== undefined) throw new UsageError('--faults is not available yet');
  const callSlots = intOption(values['call-slots'], 'call-slots', 1);
  const seed = intOption(values.seed, 'seed', 0);
  const personas = values.personas ? loadPersonaFile(values.personas) : undefined;
  const bar = io.interactive
    ? new SingleBar({
        format: '가구 {bar} {value}/{total} · 모의 시각 {sim}',
        hideCursor: true,
        stream: process.stderr,
      })
    : undefined;
  let lastLogged = 0;
  const report = await runCampaign({
    listPath,
    now: parseNow(values.now),
    seed,
    callSlots,
    personas,
    onProgress: (done, total, at) => {
      const sim = at.toISOString().slice(0, 16).replace('T', ' ');
      if (bar) {
        if (done === 1) bar.start(total, 0, { sim });
        bar.update(done, { sim });
      } else if (done === total || done - lastLogged >= Math.max(1, Math.floor(total / 10))) {
        lastLogged = done;
        io.stderr(`households done ${done}/${total} (simulated ${sim} UTC)\n`);
      }
    },
  });
  bar?.stop();
  if (values.json) {
    const { rows, accepted, invalid, duplicates, batchId, outcomes, calls, sms, simulatedHours, wallMs } =
      report;
    io.stdout(
      `${JSON.stringify({
        rows,
        accepted,
        invalid,
        duplicates,
        batchId,
        outcomes,
        calls,
        sms,
        simulatedHours,
        wallMs,
        alerts: report.alerts,
        maxConcurrentCalls: report.maxConcurrentCalls,
        callsOutsideHours: report.callsOutsideHours,
        stateTransitions: report.stateTransitions,
        unfinished: report.unfinished,
      })}\n`,
    );
  } else {
    printTable(report, io);
  }
  if (report.unfinished.length > 0) {
    io.stderr(`${report.unfinished.length} households did not reach a terminal case\n`);
    return EXIT_RUNTIME_FAILURE;
  }
  return EXIT_OK;
};
