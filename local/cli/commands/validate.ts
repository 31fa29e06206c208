/**
 * `wfc validate <list.csv> [--json]` (DESIGN §3.4): the disposition of every row of a household list, no calls.
 * Exit 0 whenever the list could be read, even if rows are invalid; 2 when the file is missing or unreadable.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UnreadableListError, validateHouseholdList } from '../../../functions/domain/household-list.ts';
import { parseCommandArgs } from '../args.ts';
import { type Command, EXIT_OK, UsageError } from '../io.ts';

/** How many invalid/duplicate rows the human-readable output lists. */
const SHOWN = 20;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('usage: wfc validate <list.csv> [--json]');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const path = resolve(io.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`파일을 찾을 수 없습니다 (file not found): ${file}`);
  if (!info.isFile()) throw new UsageError(`파일이 아닙니다 (not a file): ${file}`);

  let report: Awaited<ReturnType<typeof validateHouseholdList>>;
  try {
    report = await validateHouseholdList(createReadStream(path));
  } catch (error) {
    if (error instanceof UnreadableListError) throw new UsageError(`${file}: ${error.message}`);
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EISDIR')
      throw new UsageError(`파일을 읽을 수 없습니다 (cannot read): ${file}`);
    throw error;
  }

  if (values.json) {
    io.stdout(
      `${JSON.stringify({
        rows: report.rows,
        accepted: report.accepted.length,
        invalid: report.invalid,
        duplicates: report.duplicates,
      })}\n`,
    );
    return EXIT_OK;
  }

  const mobiles = report.accepted.filter((a) => a.household.phoneKind === 'MOBILE').length;
  const lines = [
    `${file} (${report.encoding === 'cp949' ? 'CP949/EUC-KR' : 'UTF-8'})`,
    `  전체 행 (rows)          ${report.rows}`,
    `  접수 (accepted)         ${report.accepted.length}  (휴대전화 mobile ${mobiles}, 일반전화 landline ${report.accepted.length - mobiles})`,
    `  오류 (invalid)          ${report.invalid.length}`,
    `  중복 (duplicates)       ${report.duplicates.length}`,
  ];
  if (report.invalid.length > 0) {
    lines.push('', '오류 행 (invalid rows):');
    for (const r of report.invalid.slice(0, SHOWN))
      lines.push(`  ${String(r.row).padStart(6)}행  ${r.field}: ${r.reason}`);
    if (report.invalid.length > SHOWN)
      lines.push(`  … 외 ${report.invalid.length - SHOWN}건 (--json for all)`);
  }
  if (report.duplicates.length > 0) {
    lines.push('', '중복 행 (duplicate rows):');
    for (const d of report.duplicates.slice(0, SHOWN)) {
      const first =
        d.firstRow === 0
          ? '이미 진행 중 (already active)'
          : `${d.firstRow}행과 같음 (same as row ${d.firstRow})`;
      lines.push(`  ${String(d.row).padStart(6)}행  ${d.householdId}: ${first}`);
    }
    if (report.duplicates.length > SHOWN)
      lines.push(`  … 외 ${report.duplicates.length - SHOWN}건 (--json for all)`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
};
