/**
 * Consultation summary by a Bedrock model (Converse + tool JSON schema → zod validation). On error, timeout or
 * malformed output it falls back to the rules summarizer with `needsReview: true`. A self-harm signal the rules
 * hear is never dropped: if the model misses it, the rules' flag wins and the summary goes to review.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import {
  type ConsultationSummary,
  ConsultationSummarySchema,
  CRISIS_TYPES,
  FOLLOW_UPS,
  OUTCOMES,
  URGENCIES,
} from '../../domain/consultation-summary.ts';
import {
  callbackTimeOf,
  type RulesSummaryOptions,
  summarizeWithRules,
} from '../../domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../domain/transcript.ts';
import { bedrock } from '../clients.ts';
import { callTool } from './converse-tool.ts';

/** What the model fills in; the rest (summarizer, needsReview, callbackAt) is ours. */
export const ModelSummarySchema = z.object({
  outcome: z.enum(OUTCOMES),
  urgency: z.enum(URGENCIES),
  crisisTypes: z.array(z.enum(CRISIS_TYPES)),
  selfHarm: z.boolean(),
  followUp: z.enum(FOLLOW_UPS),
  needs: z.array(z.string()),
  narrative: z.string().min(1),
  evidence: z.array(z.object({ claim: z.string(), turn: z.number().int().nonnegative() })),
  suggestedPrograms: z
    .array(z.object({ program: z.string(), reason: z.string(), turn: z.number().int().nonnegative() }))
    .optional(),
  unsure: z.boolean().optional(),
});

export const SUMMARY_TOOL = 'record_consultation_summary';

export const SUMMARY_SYSTEM_PROMPT = `당신은 구청 복지 담당 사회복지사를 돕는 상담 요약 도우미입니다. 복지사각지대 위기가구에 AI가 건 첫 상담 전화의 녹취(한국어, 음성인식 결과라 사투리·띄어쓰기 오류가 있음)를 읽고 ${SUMMARY_TOOL} 도구로만 답하세요.
규칙:
- outcome: COMPLETED(끝까지 진행), PARTIAL(도중에 끊거나 중단), REFUSED(상담 거절), WRONG_NUMBER(본인 아님), CALLBACK_REQUESTED(다른 시간에 다시 전화 요청).
- urgency: EMERGENCY(자살·자해 신호, 폭력·학대, 이틀 이상 굶음, 겨울에 난방·전기 없이 취약한 가족, 거동 불가에 돌봐줄 사람 없음), HIGH(퇴거 위기, 수입 전혀 없음, 공과금 이미 끊김, 돈 때문에 중병 치료 못함, 돌봐줄 사람 없는 피부양자, 또는 위기유형 3개 이상), MEDIUM(위기유형 1개 이상), LOW(없음). 거절한 통화라도 들은 신호로 판단하세요.
- crisisTypes: INCOME, FOOD, HOUSING, UTILITIES, HEALTH, MENTAL_HEALTH, EMPLOYMENT, DEBT, CARE, ISOLATION 중 주민이 직접 말한 것만. 부정하거나 이미 해결된 문제는 제외. 월세·관리비·퇴거는 HOUSING, 전기·가스·수도는 UTILITIES, 대출·카드·건강보험료·통신비 체납은 DEBT. 자살 신호는 MENTAL_HEALTH 포함.
- selfHarm: 죽고 싶다, 사라지고 싶다, 잠들면 안 깼으면 등 진지한 신호는 본인이 부인하지 않는 한 true. "힘들어 죽겠다" 같은 관용 표현은 false.
- followUp: EMERGENCY→IMMEDIATE_VISIT, HIGH 또는 주민이 방문 요청→HOME_VISIT, MEDIUM 또는 전화 선호·재통화 요청→PHONE_FOLLOWUP, 그 외 NONE.
- evidence와 suggestedPrograms의 turn은 근거가 된 발화의 0부터 시작하는 번호입니다.
- narrative: 사회복지사가 바로 조치할 수 있는 한국어 3~5문장.
- 확신이 없으면 unsure를 true로 하세요.`;

export interface BedrockSummarizerOptions {
  modelId: string;
  client?: BedrockRuntimeClient;
  /** @default 15000 */
  timeoutMs?: number;
  /** @default 2 */
  retries?: number;
}

/** Renders a transcript for the model: one numbered line per turn. */
export function transcriptForModel(transcript: Transcript): string {
  return transcript.turns
    .map((turn, index) => `[${index}] ${turn.speaker === 'bot' ? '상담원' : '주민'}: ${turn.text}`)
    .join('\n');
}

/** Summarizes with a Bedrock model, falling back to rules (needsReview) on any failure. */
export class BedrockSummarizer {
  readonly name: string;

  constructor(private readonly options: BedrockSummarizerOptions) {
    this.name = `bedrock:${options.modelId}`;
  }

  async summarize(transcript: Transcript, options: RulesSummaryOptions = {}): Promise<ConsultationSummary> {
    const rules = summarizeWithRules(transcript, options);
    if (!transcript.turns.some((t) => t.speaker === 'resident')) return rules;
    let model: z.infer<typeof ModelSummarySchema>;
    try {
      const input = await callTool({
        client: this.options.client ?? bedrock,
        modelId: this.options.modelId,
        system: SUMMARY_SYSTEM_PROMPT,
        userText: `상담 녹취:\n${transcriptForModel(transcript)}`,
        toolName: SUMMARY_TOOL,
        toolDescription: '상담 요약을 기록합니다.',
        schema: z.toJSONSchema(ModelSummarySchema) as Record<string, unknown>,
        timeoutMs: this.options.timeoutMs ?? 15_000,
        retries: this.options.retries ?? 2,
      });
      model = ModelSummarySchema.parse(input);
    } catch {
      return { ...rules, needsReview: true };
    }
    const now =
      options.now ?? [...transcript.turns].reverse().find((t) => t.at)?.at ?? new Date().toISOString();
    const callbackAt =
      model.outcome === 'CALLBACK_REQUESTED'
        ? (rules.callbackAt ?? callbackTimeOf(transcript, now))
        : undefined;
    const lastTurn = transcript.turns.length - 1;
    const inRange = <T extends { turn: number }>(items: T[]) => items.filter((item) => item.turn <= lastTurn);
    const missedSelfHarm = rules.riskFlags.selfHarm && !model.selfHarm;
    const summary: ConsultationSummary = {
      outcome: model.outcome,
      urgency: missedSelfHarm ? 'EMERGENCY' : model.urgency,
      crisisTypes: missedSelfHarm
        ? [...new Set([...model.crisisTypes, 'MENTAL_HEALTH' as const])]
        : model.crisisTypes,
      riskFlags: { selfHarm: model.selfHarm || rules.riskFlags.selfHarm },
      followUp: missedSelfHarm ? 'IMMEDIATE_VISIT' : model.followUp,
      needs: model.needs,
      narrative: model.narrative,
      evidence: inRange(model.evidence),
      needsReview: Boolean(model.unsure) || missedSelfHarm,
      summarizer: this.name,
      ...(model.suggestedPrograms ? { suggestedPrograms: inRange(model.suggestedPrograms) } : {}),
      ...(callbackAt ? { callbackAt } : {}),
    };
    const valid = ConsultationSummarySchema.safeParse(summary);
    return valid.success ? valid.data : { ...rules, needsReview: true };
  }
}
