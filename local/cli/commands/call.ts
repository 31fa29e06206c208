import type { ConsultationSummary } from '../../../functions/domain/consultation-summary.ts';
import type {
  CallContext,
  DialogueStep,
  EmergencySignal,
} from '../../../functions/domain/dialogue/contract.ts';
import { SAMPLE_DISTRICTS } from '../../../functions/domain/district-directory.ts';
import { formatKoreanTime } from '../../../functions/domain/korean-time.ts';
import { summarizeWithRules } from '../../../functions/domain/summary/rules-summarizer.ts';
import type { TranscriptTurn } from '../../../functions/domain/transcript.ts';
import { converse } from '../../phone-network/converse.ts';
import { type Persona, PersonaSchema } from '../../phone-network/persona.ts';
import { parseCommandArgs } from '../args.ts';
import { type Command, EXIT_OK, UsageError } from '../io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { formatSummary } from './summary-format.ts';

/** Default simulated time: a Tuesday 10:00 KST. */
const DEFAULT_NOW = '2025-03-04T01:00:00.000Z';

async function readPersona(cwd: string, file: string): Promise<Persona> {
  const json = await readJsonFile(cwd, file);
  const parsed = PersonaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `페르소나 형식 오류 (invalid persona): ${file}: ${issue?.path.join('.')} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Deterministic 4-digit code from the persona id (the SMS would carry it). */
function codeFor(id: string): string {
  let hash = 7;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) % 9000;
  return String(1000 + hash);
}

interface CallReport {
  now: string;
  transcript: { contactId: string; locale: string; turns: TranscriptTurn[] };
  final: Pick<DialogueStep, 'outcome' | 'callbackAt' | 'optOut' | 'noResponse'>;
  emergency?: EmergencySignal;
  hungUp: boolean;
  summary: ConsultationSummary;
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    now: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('usage: wfc call <persona.json> [--json] [--now <ISO>]');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const now = typeof values.now === 'string' ? values.now : DEFAULT_NOW;
  if (Number.isNaN(Date.parse(now))) throw new UsageError(`--now must be an ISO time, got "${now}"`);
  const persona = await readPersona(io.cwd, file);
  const household = persona.household ?? { name: '홍길동', riskFlags: [], districtCode: '11680' };
  const district = SAMPLE_DISTRICTS[household.districtCode] ?? SAMPLE_DISTRICTS['11680'];
  if (!district) throw new Error('no sample district configured');

  const calls: CallReport[] = [];
  let callNow = now;
  for (let index = 0; index < persona.conversations.length; index++) {
    const ctx: CallContext = {
      contactId: `sim-${persona.id}-${index + 1}`,
      residentName: household.name,
      ...(household.birthYear ? { birthYear: household.birthYear } : {}),
      officeName: district.officeName,
      officePhone: district.officePhone,
      verificationCode: codeFor(persona.id),
      riskFlags: household.riskFlags,
      now: callNow,
    };
    const live: string[] = [];
    const result = await converse(ctx, persona, index, {
      onTurn: (turn, step) => {
        live.push(`  ${turn.speaker === 'bot' ? '상담원' : '주민  '} [${turn.seq}] ${turn.text}`);
        if (step?.emergency) {
          live.push(
            `  ⚠ 긴급 알림 발송 (${step.emergency.kind}, ${step.emergency.hotline} 안내): "${step.emergency.utterance}"`,
          );
        }
      },
    });
    const transcript = { contactId: ctx.contactId, locale: 'ko-KR', turns: result.turns };
    const summary = summarizeWithRules(transcript, { now: callNow });
    const final = {
      ...(result.final.outcome ? { outcome: result.final.outcome } : {}),
      ...(result.final.callbackAt ? { callbackAt: result.final.callbackAt } : {}),
      ...(result.final.optOut ? { optOut: true } : {}),
      ...(result.final.noResponse ? { noResponse: true } : {}),
    };
    calls.push({
      now: callNow,
      transcript,
      final,
      ...(result.emergency ? { emergency: result.emergency } : {}),
      hungUp: result.hungUp,
      summary,
    });
    if (!values.json) {
      io.stdout(
        `=== 통화 ${index + 1}: ${persona.label || persona.id} (${formatKoreanTime(callNow)}) ===\n${live.join('\n')}\n`,
      );
      const ending = result.final.noResponse
        ? '응답 없음 (음성사서함 처리)'
        : `${result.final.outcome ?? '종료'}${result.hungUp ? ' (주민이 끊음)' : ''}${result.final.optOut ? ' · 수신 거부' : ''}${result.final.callbackAt ? ` · 재통화 ${formatKoreanTime(result.final.callbackAt)}` : ''}`;
      io.stdout(`--- 통화 결과: ${ending}\n\n${formatSummary(summary)}\n`);
    }
    if (result.final.outcome !== 'CALLBACK_REQUESTED' || !result.final.callbackAt) break;
    callNow = result.final.callbackAt;
  }
  if (values.json) io.stdout(`${JSON.stringify({ persona: persona.id, calls }, null, 2)}\n`);
  return EXIT_OK;
};
