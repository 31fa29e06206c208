/**
 * `Understanding` by a Bedrock model: Converse with one tool whose JSON schema is the utterance analysis,
 * Korean system prompt, temperature 0, a short timeout (a resident is waiting on the line) and retries. Any
 * failure falls back to the rules; safety signals the rules hear are always kept (OR), never overridden.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { CRISIS_TYPES } from '../../domain/consultation-summary.ts';
import { analyzeUtterance } from '../../domain/understanding/rules.ts';
import type {
  Understanding,
  UnderstandingContext,
  UtteranceAnalysis,
} from '../../domain/understanding/understanding.ts';
import { bedrock } from '../clients.ts';
import { callTool } from './converse-tool.ts';

export const UnderstandingToolSchema = z.object({
  crises: z.array(z.enum(CRISIS_TYPES)),
  high: z.array(z.string()),
  selfHarm: z.boolean(),
  foodEmergency: z.boolean(),
  danger: z.enum(['NONE', '112', '119']),
  affirm: z.boolean(),
  deny: z.boolean(),
  refuse: z.boolean(),
  wrongPerson: z.boolean(),
  optOut: z.boolean(),
  scam: z.boolean(),
  repeat: z.boolean(),
  slower: z.boolean(),
  hangUp: z.boolean(),
  callback: z.boolean(),
  visitRequest: z.boolean(),
  phoneRequest: z.boolean(),
  noFollowUp: z.boolean(),
  codeMismatch: z.boolean(),
  birthYear: z.number().int().nullable(),
});

export const UNDERSTANDING_TOOL = 'record_utterance_analysis';

export const UNDERSTANDING_SYSTEM_PROMPT = `당신은 구청 복지 상담 전화에서 주민의 말을 분석합니다. 음성인식 결과라 띄어쓰기·사투리(경상·전라·충청)·오타가 있습니다. 상담원의 직전 질문을 함께 보고 ${UNDERSTANDING_TOOL} 도구로만 답하세요.
- crises: 주민이 지금 겪고 있다고 말한 위기 유형만(부정·해결된 것 제외). 짧은 대답("네", "없죠")은 질문에 비추어 해석합니다.
- high: 퇴거 위기, 수입 없음, 공과금 단절, 비용 때문에 치료 못 받음, 돌볼 사람 없는 피부양자 중 들은 것(한국어 그대로).
- selfHarm: 죽고 싶다, 사라지고 싶다, 다 그만하고 싶다, 잠들면 안 깼으면 등 간접 표현 포함. "힘들어 죽겠다" 같은 관용 표현은 false.
- danger: 폭력·학대·위협은 "112", 쓰러짐·호흡곤란·화재·약물 과다는 "119", 없으면 "NONE".
- refuse: 상담 거절, optOut: 다시는 전화하지 말라는 요청, wrongPerson: 본인 아님/잘못 건 전화, scam: 보이스피싱 의심, repeat/slower: 다시/천천히 말해 달라, hangUp: 지금 끊겠다, callback: 다른 시간에 다시 전화 요청, codeMismatch: 문자의 확인 번호와 다르다.
- birthYear: 말한 출생연도(네 자리), 없으면 null.`;

export interface BedrockUnderstandingOptions {
  modelId: string;
  client?: BedrockRuntimeClient;
  /** @default 3000 — a resident is waiting */
  timeoutMs?: number;
  /** @default 1 */
  retries?: number;
}

/** Model-based understanding with the rules as fallback and as a safety floor. */
export class BedrockUnderstanding implements Understanding {
  readonly name: string;

  constructor(private readonly options: BedrockUnderstandingOptions) {
    this.name = `bedrock:${options.modelId}`;
  }

  async understand(utterance: string, context: UnderstandingContext): Promise<UtteranceAnalysis> {
    const rules = analyzeUtterance(utterance, context);
    let model: z.infer<typeof UnderstandingToolSchema>;
    try {
      const input = await callTool({
        client: this.options.client ?? bedrock,
        modelId: this.options.modelId,
        system: UNDERSTANDING_SYSTEM_PROMPT,
        userText: `상담원의 직전 말: ${context.botText}\n상담원이 기다리는 답: ${context.expecting}\n주민의 말: ${utterance}`,
        toolName: UNDERSTANDING_TOOL,
        toolDescription: '주민 발화의 분석 결과를 기록합니다.',
        schema: z.toJSONSchema(UnderstandingToolSchema) as Record<string, unknown>,
        timeoutMs: this.options.timeoutMs ?? 3000,
        retries: this.options.retries ?? 1,
        maxTokens: 500,
      });
      model = UnderstandingToolSchema.parse(input);
    } catch {
      return rules;
    }
    const { danger, birthYear, ...flags } = model;
    const modelDanger = danger === 'NONE' ? undefined : { hotline: danger };
    const analysis: UtteranceAnalysis = {
      ...flags,
      crises: [...new Set([...model.crises, ...(rules.selfHarm ? (['MENTAL_HEALTH'] as const) : [])])],
      // Safety floor: what the rules hear as dangerous stays dangerous.
      selfHarm: model.selfHarm || rules.selfHarm,
      foodEmergency: model.foodEmergency || Boolean(rules.foodEmergency),
      ...((rules.danger ?? modelDanger) ? { danger: rules.danger ?? modelDanger } : {}),
      optOut: model.optOut || rules.optOut,
    };
    const year = birthYear ?? rules.birthYear;
    if (year !== undefined && year !== null) analysis.birthYear = year;
    return analysis;
  }
}
