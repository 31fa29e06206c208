/**
 * The dialogue engine (contract.ts): a pure state machine over Korean prompts. Opening with AI disclosure and
 * the SMS code, identity by name and birth year, consent, adaptive crisis questions (risk flags first, one
 * follow-up only where a problem surfaced), closing with follow-up preference and read-back; callbacks, refusal,
 * wrong number, opt-out, scam suspicion, repeat/slower, silence; and the safety protocol, which stops the
 * questionnaire on the turn a self-harm or danger signal is heard.
 */
import { type CallingWindowConfig, DEFAULT_CALLING_WINDOW, nextCallingSlot } from '../calling-window.ts';
import { CRISIS_TYPES, type CrisisType } from '../consultation-summary.ts';
import { formatKoreanTime, resolveKoreanCallback } from '../korean-time.ts';
import { COLD, NO_HEAT, VULNERABLE } from '../understanding/lexicon.ts';
import { compact } from '../understanding/normalize.ts';
import { saidUnnegated } from '../understanding/rules.ts';
import type { Understanding, UtteranceAnalysis } from '../understanding/understanding.ts';
import type { CallContext, DialogueState, DialogueStep, EmergencySignal, Expecting } from './contract.ts';
import {
  ANYTHING_ELSE_PROMPT,
  CRISIS_LABELS,
  DEFAULT_ORDER,
  FOLLOW_UP,
  RISK_FLAG_TOPICS,
  SAFETY_PROBE,
  SCREENING,
  spellDigits,
} from './prompts.ts';

/** The engine's state: small, JSON, kept in Lex session attributes between turns. */
export interface EngineState extends DialogueState {
  name: string;
  office: string;
  officePhone: string;
  code: string;
  birthYear?: number;
  /** ISO time of the call (for callback times). */
  now: string;
  /** The bot's last prompt (understanding reads short answers against it). */
  lastBot: string;
  /** Crisis types still to screen, in order. */
  queue: CrisisType[];
  /** Crisis types heard. */
  found: CrisisType[];
  /** Types whose follow-up was already asked. */
  probed: CrisisType[];
  /** The resident's wording sounded like self-harm though no sign was heard: ask the safety question next. */
  concern?: boolean;
  /** HIGH signals heard (Korean labels). */
  high: string[];
  /** The resident said anything at all. */
  spoke: boolean;
  /** The questionnaire started (consent given). */
  consented: boolean;
  silences: number;
  repeats: number;
  scamReassured: boolean;
  identityTries: number;
  slow: boolean;
  preference?: 'VISIT' | 'CALL' | 'NONE';
  emergency?: EmergencySignal['kind'];
  /** What the safety step asked: a transfer to the hotline, or whether the resident is at home. */
  safetyAsk?: 'TRANSFER' | 'AT_HOME';
  corrected?: boolean;
  /** Winter danger pieces heard so far (no heating/electricity, cold, a vulnerable person). */
  noHeat?: boolean;
  cold?: boolean;
  vulnerable?: boolean;
}

/** Maximum consecutive silences before a mid-call hang-up is assumed; two at the greeting mean voicemail. */
const MAX_SILENCES = 3;

function isCrisisType(value: string): value is CrisisType {
  return (CRISIS_TYPES as readonly string[]).includes(value);
}

function orderFor(riskFlags: string[]): CrisisType[] {
  const first: CrisisType[] = [];
  for (const flag of riskFlags) {
    for (const { pattern, types } of RISK_FLAG_TOPICS) {
      if (pattern.test(flag)) for (const t of types) if (!first.includes(t)) first.push(t);
    }
  }
  return [...first, ...DEFAULT_ORDER.filter((t) => !first.includes(t))];
}

function say(
  state: EngineState,
  botText: string,
  expecting: Expecting,
  extra: Partial<DialogueStep> = {},
): DialogueStep {
  const end = extra.end ?? false;
  const next: EngineState = { ...state, expecting, lastBot: botText, turn: state.turn + 1, ended: end };
  return { state: next, botText, end, ...extra };
}

function finish(state: EngineState, botText: string, extra: Partial<DialogueStep>): DialogueStep {
  return say(state, botText, 'NONE', { ...extra, end: true });
}

/** The first thing the bot says: AI disclosure, office, the SMS code, and the identity question. */
export function startDialogue(ctx: CallContext): DialogueStep {
  const state: EngineState = {
    expecting: 'IDENTITY',
    turn: 0,
    ended: false,
    name: ctx.residentName,
    office: ctx.officeName,
    officePhone: ctx.officePhone,
    code: ctx.verificationCode,
    ...(ctx.birthYear ? { birthYear: ctx.birthYear } : {}),
    now: ctx.now,
    lastBot: '',
    queue: orderFor(ctx.riskFlags),
    found: [],
    probed: [],
    high: [],
    spoke: false,
    consented: false,
    silences: 0,
    repeats: 0,
    scamReassured: false,
    identityTries: 0,
    slow: false,
  };
  const text =
    `안녕하세요. ${ctx.officeName} AI 상담원입니다. 저는 사람이 아닌 인공지능이고, 상담 내용은 기록됩니다. ` +
    `문자로 보내 드린 확인 번호는 ${spellDigits(ctx.verificationCode)}입니다. 문자의 번호와 다르면 전화를 끊으시고 ` +
    `문자에 적힌 ${ctx.officePhone}번으로 직접 확인해 주세요. ${ctx.residentName} 님 본인 맞으신가요? 맞으시면 태어나신 해도 말씀해 주세요.`;
  return say(state, text, 'IDENTITY');
}

function consentPrompt(state: EngineState): string {
  return `확인 감사합니다, ${state.name} 님. ${state.office}에서 생활에 어려움이 없으신지 여쭙고 필요한 도움을 연결해 드리려고 연락드렸어요. 주민등록번호나 계좌번호는 절대 여쭙지 않습니다. 5분 정도 몇 가지 여쭤봐도 될까요? 원하지 않으시면 언제든 그만하셔도 됩니다.`;
}

function merge(state: EngineState, analysis: UtteranceAnalysis): EngineState {
  const found = [...state.found];
  for (const t of analysis.crises) if (!found.includes(t)) found.push(t);
  const high = [...state.high];
  for (const h of analysis.high) if (!high.includes(h)) high.push(h);
  if (analysis.foodEmergency && !high.includes('이틀 이상 굶음')) high.push('이틀 이상 굶음');
  const concern = state.concern === true || analysis.selfHarmConcern === true;
  return {
    ...state,
    found,
    high,
    queue: state.queue.filter((t) => !found.includes(t)),
    ...(concern ? { concern } : {}),
  };
}

/** December to February in Korea (calls are dated by the call context's `now`). */
function isWinter(iso: string): boolean {
  const month = new Date(Date.parse(iso) + 9 * 3_600_000).getUTCMonth() + 1;
  return month === 12 || month <= 2;
}

/** The HIGH/EMERGENCY signal each follow-up question asks about. */
const SEVERITY_SIGNAL: Partial<Record<CrisisType, string>> = {
  INCOME: '수입 없음',
  FOOD: '이틀 이상 굶음',
  HOUSING: '퇴거 위기',
  UTILITIES: '공과금 단절',
  HEALTH: '비용 때문에 치료 못 받음',
  CARE: '돌볼 사람 없는 피부양자',
};

/** Next question: a follow-up for a problem heard but not yet probed, else the next screening topic. */
function nextQuestion(state: EngineState, preface = ''): DialogueStep {
  const lead = preface ? `${preface} ` : '';
  // Gatekeeper practice: distress or wording that sounds like self-harm is asked about directly, at once.
  if ((state.found.includes('MENTAL_HEALTH') || state.concern) && !state.probed.includes('MENTAL_HEALTH')) {
    return say({ ...state, probed: [...state.probed, 'MENTAL_HEALTH'] }, `${lead}${SAFETY_PROBE}`, 'SAFETY');
  }
  // The follow-up asks for severity; skip it when the resident already told us (e.g. "전기가 끊겼어요").
  const toProbe = state.found.find(
    (t) => FOLLOW_UP[t] && !state.probed.includes(t) && !state.high.includes(SEVERITY_SIGNAL[t] ?? ''),
  );
  if (toProbe) {
    return say({ ...state, probed: [...state.probed, toProbe] }, `${lead}${FOLLOW_UP[toProbe]}`, toProbe);
  }
  const [topic, ...rest] = state.queue;
  if (topic) return say({ ...state, queue: rest }, `${lead}${SCREENING[topic]}`, topic);
  return say(state, `${lead}${ANYTHING_ELSE_PROMPT}`, 'ANYTHING_ELSE');
}

function readBack(state: EngineState): string {
  const needs = state.found.map((t) => CRISIS_LABELS[t]);
  const heard =
    needs.length > 0
      ? `말씀하신 어려움은 ${needs.join(', ')}입니다.`
      : '특별한 어려움은 없다고 말씀하셨어요.';
  const how =
    state.preference === 'VISIT'
      ? '담당 사회복지사가 댁으로 찾아뵙기로 했습니다.'
      : state.preference === 'CALL'
        ? '담당자가 전화로 안내드리기로 했습니다.'
        : '따로 연락은 드리지 않기로 했습니다.';
  return `정리해 보면, ${heard} ${how} 제가 잘못 이해한 부분이 있으면 말씀해 주시고, 맞으면 "네"라고 해 주세요.`;
}

function closing(state: EngineState): DialogueStep {
  const visit = state.high.length > 0 || state.preference === 'VISIT';
  const how = visit
    ? '담당 사회복지사가 곧 전화드리고 찾아뵙겠습니다.'
    : state.preference === 'NONE' && state.found.length === 0
      ? '도움이 필요하시면 언제든 연락 주세요.'
      : '담당자가 전화로 안내드리겠습니다.';
  return finish(
    state,
    `말씀해 주셔서 감사합니다. ${how} 급한 일이 생기면 ${state.officePhone}번으로 전화 주세요. 좋은 하루 보내세요.`,
    { outcome: 'COMPLETED' },
  );
}

function safetyStep(state: EngineState, analysis: UtteranceAnalysis, utterance: string): DialogueStep {
  const kind: EmergencySignal['kind'] = analysis.selfHarm ? 'SELF_HARM' : 'DANGER';
  const hotline: EmergencySignal['hotline'] = analysis.selfHarm ? '109' : (analysis.danger?.hotline ?? '112');
  const found =
    state.found.includes('MENTAL_HEALTH') || kind !== 'SELF_HARM'
      ? state.found
      : [...state.found, 'MENTAL_HEALTH' as const];
  const next: EngineState = {
    ...state,
    found,
    emergency: kind,
    safetyAsk: 'TRANSFER',
    probed: [...state.probed, 'MENTAL_HEALTH'],
  };
  const text =
    hotline === '109'
      ? `${state.name} 님, 그렇게 힘든 마음을 말씀해 주셔서 고맙습니다. 많이 걱정됩니다. 질문은 여기서 멈출게요. 자살예방상담전화 109번은 24시간 언제든 전화하실 수 있어요. 지금 109 상담사에게 바로 연결해 드릴까요? 담당 사회복지사도 오늘 바로 연락드리고 찾아뵙겠습니다.`
      : hotline === '119'
        ? `지금 위급한 상황이시군요. 질문은 여기서 멈출게요. 바로 119에 전화하셔야 합니다. 지금 119로 연결해 드릴까요? 담당 사회복지사도 바로 연락드리겠습니다.`
        : `지금 위험한 상황이시군요. 질문은 여기서 멈출게요. 위험하시면 바로 112에 신고하세요. 지금 112로 연결해 드릴까요? 담당 사회복지사도 오늘 바로 연락드리고 찾아뵙겠습니다.`;
  return say(next, text, 'SAFETY', { emergency: { kind, utterance, hotline } });
}

function callbackStep(state: EngineState, utterance: string, cfg: CallingWindowConfig): DialogueStep {
  const now = new Date(state.now);
  const resolved = resolveKoreanCallback(utterance, now, cfg);
  if (!resolved && state.expecting !== 'CALLBACK_TIME') {
    return say(
      state,
      '네, 그럼 언제 다시 전화드리면 좋을까요? 예를 들어 "내일 오후 세 시"처럼 말씀해 주세요.',
      'CALLBACK_TIME',
    );
  }
  const at = resolved?.at ?? nextCallingSlot(new Date(now.getTime() + 86_400_000), cfg).toISOString();
  const when = formatKoreanTime(at);
  const note = resolved?.moved ? `말씀하신 시간은 상담 가능 시간이 아니어서 ` : '';
  return finish(state, `알겠습니다. ${note}${when}에 다시 전화드리겠습니다. 감사합니다.`, {
    outcome: 'CALLBACK_REQUESTED',
    callbackAt: at,
  });
}

export interface EngineOptions {
  /** Calling hours for callbacks. @default Mon–Fri 10:00–18:00 KST, holidays skipped */
  callingWindow?: CallingWindowConfig;
}

/**
 * One resident turn: `utterance` is what the resident said, or null for no input (silence / timeout).
 */
export async function continueDialogue(
  previous: DialogueState,
  utterance: string | null,
  understanding: Understanding,
  options: EngineOptions = {},
): Promise<DialogueStep> {
  const cfg = options.callingWindow ?? DEFAULT_CALLING_WINDOW;
  const prior = previous as EngineState;
  if (prior.ended) return { state: prior, botText: '', end: true };

  const text = utterance?.trim() ?? '';
  if (!text) {
    const silences = prior.silences + 1;
    const state = { ...prior, silences };
    if (!prior.spoke && silences >= 2) {
      return finish(state, `${prior.office}입니다. 다시 연락드리겠습니다.`, { noResponse: true });
    }
    if (silences >= MAX_SILENCES) {
      return finish(
        state,
        `응답이 없으셔서 통화를 마치겠습니다. 필요하시면 ${prior.officePhone}번으로 연락 주세요.`,
        {
          outcome: prior.consented ? 'PARTIAL' : 'REFUSED',
        },
      );
    }
    return say(state, `잘 안 들려서 다시 여쭤볼게요. ${prior.lastBot}`, prior.expecting);
  }

  const analysis = await understanding.understand(text, {
    expecting: prior.expecting,
    botText: prior.lastBot,
  });
  let state: EngineState = merge({ ...prior, spoke: true, silences: 0 }, analysis);
  const expecting = prior.expecting;

  // Safety first: the questionnaire stops on this very turn.
  if ((analysis.selfHarm || analysis.danger) && !prior.emergency) return safetyStep(state, analysis, text);
  const said = compact(text);
  state = {
    ...state,
    noHeat: state.noHeat || NO_HEAT.test(said),
    cold: state.cold || saidUnnegated(said, COLD) || isWinter(prior.now),
    vulnerable: state.vulnerable || saidUnnegated(said, VULNERABLE),
  };
  if (state.noHeat && state.cold && state.vulnerable && !prior.emergency) {
    // No heating or electricity in winter with a vulnerable person: immediate danger, alert now.
    return say(
      { ...state, emergency: 'DANGER', safetyAsk: 'AT_HOME' },
      `${prior.name} 님, 이 추위에 난방 없이 지내시는 건 위험해요. 질문은 여기서 멈출게요. 오늘 안에 담당 사회복지사가 난방과 전기 문제를 해결하러 찾아뵙겠습니다. 누가 많이 아프거나 위급하면 바로 119에 전화하세요. 지금 댁에 계세요?`,
      'SAFETY',
      { emergency: { kind: 'DANGER', utterance: text, hotline: '119' } },
    );
  }
  if (analysis.foodEmergency && !prior.emergency) {
    // Two days or more without food is immediate danger: alert now, stop the questionnaire.
    return say(
      { ...state, emergency: 'DANGER', safetyAsk: 'AT_HOME' },
      `${prior.name} 님, 바로 도와드려야 할 상황이에요. 질문은 여기서 멈출게요. 오늘 안에 담당 사회복지사가 드실 것을 챙겨 찾아뵙겠습니다. 어지럽거나 몸이 많이 안 좋으시면 바로 119에 전화하세요. 지금 댁에 계세요?`,
      'SAFETY',
      { emergency: { kind: 'DANGER', utterance: text, hotline: '119' } },
    );
  }
  if (expecting === 'SAFETY') {
    if (prior.emergency && prior.safetyAsk === 'AT_HOME') {
      return finish(state, '네, 곧 연락드리고 찾아뵙겠습니다. 조금만 기다려 주세요. 전화 꼭 받아 주세요.', {
        outcome: 'COMPLETED',
      });
    }
    if (prior.emergency) {
      const yes = analysis.affirm && !analysis.deny;
      return finish(
        state,
        yes
          ? '지금 바로 연결해 드리겠습니다. 끊지 말고 잠시만 기다려 주세요. 담당 사회복지사도 곧 연락드리겠습니다.'
          : `알겠습니다. 담당 사회복지사가 오늘 안에 꼭 연락드리고 찾아뵙겠습니다. 힘드실 때는 109번으로 언제든 전화하세요. 전화 꼭 받아 주세요.`,
        { outcome: 'COMPLETED' },
      );
    }
    // Answer to the safety probe without a signal: carry on with the questionnaire.
    return nextQuestion(state, '말씀해 주셔서 고맙습니다.');
  }

  if (analysis.optOut) {
    return finish(
      state,
      `알겠습니다. 앞으로 이 번호로는 전화드리지 않겠습니다. 도움이 필요하시면 ${prior.officePhone}번으로 연락 주세요.`,
      {
        outcome: 'REFUSED',
        optOut: true,
      },
    );
  }
  if (analysis.codeMismatch) {
    return finish(
      state,
      `번호가 다르다면 저희 전화가 아닐 수 있습니다. 지금 전화를 끊으시고 문자에 적힌 ${prior.officePhone}번으로 직접 확인해 주세요.`,
      { outcome: 'REFUSED' },
    );
  }
  if (analysis.wrongPerson && (!prior.consented || expecting === 'IDENTITY')) {
    return finish(state, '확인해 주셔서 감사합니다. 잘못 연락드려 죄송합니다. 좋은 하루 보내세요.', {
      outcome: 'WRONG_NUMBER',
    });
  }
  if (analysis.repeat || analysis.slower) {
    state = { ...state, slow: state.slow || analysis.slower, repeats: prior.repeats + 1 };
    const lead = analysis.slower ? '네, 천천히 다시 말씀드릴게요.' : '네, 다시 말씀드릴게요.';
    if (state.repeats <= 3) return say(state, `${lead} ${prior.lastBot}`, expecting);
  }
  if (analysis.scam && !analysis.affirm) {
    if (prior.scamReassured) {
      return finish(
        state,
        `걱정되시면 전화를 끊으시고 ${prior.officePhone}번으로 직접 전화해 확인해 주세요. 감사합니다.`,
        {
          outcome: 'REFUSED',
        },
      );
    }
    const atIdentity = expecting === 'IDENTITY';
    const ask = atIdentity
      ? `${prior.name} 님 본인 맞으신가요?`
      : prior.consented
        ? prior.lastBot
        : '계속 이야기 나눠도 괜찮으실까요?';
    return say(
      { ...state, scamReassured: true },
      `의심하시는 게 당연합니다. 저희는 계좌번호, 주민등록번호, 돈을 절대 요구하지 않습니다. 문자로 받으신 확인 번호가 ${spellDigits(prior.code)}인지 확인해 보시고, 그래도 의심되시면 끊고 ${prior.officePhone}번으로 직접 전화하셔도 됩니다. ${ask}`,
      atIdentity ? 'IDENTITY' : prior.consented ? expecting : 'CONSENT',
    );
  }
  if (analysis.callback || expecting === 'CALLBACK_TIME') return callbackStep(state, text, cfg);
  if (analysis.refuse || analysis.hangUp) {
    if (!prior.consented) {
      return finish(
        state,
        `알겠습니다. 도움이 필요하시면 언제든 ${prior.officePhone}번으로 연락 주세요. 좋은 하루 보내세요.`,
        {
          outcome: 'REFUSED',
        },
      );
    }
    if (expecting !== 'FOLLOW_UP_PREFERENCE' && expecting !== 'READBACK') {
      return finish(
        state,
        `알겠습니다. 여기까지 말씀해 주셔서 감사합니다. 필요하시면 ${prior.officePhone}번으로 연락 주세요.`,
        {
          outcome: 'PARTIAL',
        },
      );
    }
  }

  switch (expecting) {
    case 'IDENTITY': {
      const yearOk =
        !prior.birthYear || analysis.birthYear === undefined || analysis.birthYear === prior.birthYear;
      if (analysis.deny && !analysis.affirm) {
        return finish(state, '확인해 주셔서 감사합니다. 잘못 연락드려 죄송합니다. 좋은 하루 보내세요.', {
          outcome: 'WRONG_NUMBER',
        });
      }
      if (!yearOk || (!analysis.affirm && analysis.birthYear === undefined)) {
        if (prior.identityTries >= 1) {
          return finish(
            state,
            `본인 확인이 어려워 통화를 마치겠습니다. 궁금하시면 ${prior.officePhone}번으로 연락 주세요.`,
            {
              outcome: 'WRONG_NUMBER',
            },
          );
        }
        return say(
          { ...state, identityTries: prior.identityTries + 1 },
          `죄송하지만 다시 한 번 확인할게요. ${prior.name} 님 본인이시면 태어나신 해를 말씀해 주세요.`,
          'IDENTITY',
        );
      }
      return say(state, consentPrompt(state), 'CONSENT');
    }
    case 'CONSENT': {
      if (analysis.deny && !analysis.affirm) {
        return finish(
          state,
          `알겠습니다. 도움이 필요하시면 언제든 ${prior.officePhone}번으로 연락 주세요. 좋은 하루 보내세요.`,
          {
            outcome: 'REFUSED',
          },
        );
      }
      return nextQuestion({ ...state, consented: true }, '감사합니다.');
    }
    case 'ANYTHING_ELSE': {
      if (analysis.crises.length > 0) return nextQuestion(state, '말씀해 주셔서 고맙습니다.');
      return say(
        state,
        '앞으로 도움을 어떻게 받으시는 게 편하세요? 담당 사회복지사의 방문, 전화 안내, 또는 따로 연락 없이 마무리 중에서 말씀해 주세요.',
        'FOLLOW_UP_PREFERENCE',
      );
    }
    case 'FOLLOW_UP_PREFERENCE': {
      const preference =
        analysis.visitRequest || /방문|와/.test(text)
          ? 'VISIT'
          : analysis.phoneRequest || /전화/.test(text)
            ? 'CALL'
            : analysis.noFollowUp || analysis.deny || analysis.refuse
              ? 'NONE'
              : 'CALL';
      const next = { ...state, preference } as EngineState;
      return say(next, readBack(next), 'READBACK');
    }
    case 'READBACK': {
      if ((analysis.deny || /틀|아니|다르|빠졌|말고/.test(text)) && !prior.corrected) {
        // Keep what was added; drop the types the resident says are wrong ("빚은 없어요").
        const dropped = CRISIS_TYPES.filter(
          (t) => prior.found.includes(t) && !analysis.crises.includes(t) && mentions(text, t),
        );
        const fixed = { ...state, found: state.found.filter((t) => !dropped.includes(t)), corrected: true };
        if (analysis.crises.length === 0 && dropped.length === 0) {
          return say(fixed, '어떤 부분이 다른지 말씀해 주시겠어요?', 'READBACK');
        }
        return say(fixed, `고쳐 주셔서 감사합니다. ${readBack(fixed)}`, 'READBACK');
      }
      return closing(state);
    }
    default: {
      if (isCrisisType(expecting) || expecting === 'NONE') return nextQuestion(state);
      return nextQuestion(state);
    }
  }
}

const MENTION: Record<CrisisType, RegExp> = {
  INCOME: /수입|생활비|돈/,
  FOOD: /끼니|식사|밥/,
  HOUSING: /월세|집|주거/,
  UTILITIES: /전기|가스|수도|요금/,
  HEALTH: /건강|병원|아프/,
  MENTAL_HEALTH: /마음|우울|잠/,
  EMPLOYMENT: /일자리|일|직장/,
  DEBT: /빚|대출|체납/,
  CARE: /돌봄|돌봐/,
  ISOLATION: /외로|고립/,
};

function mentions(text: string, type: CrisisType): boolean {
  return MENTION[type].test(text.replace(/\s+/g, ''));
}

/**
 * The resident hung up after `state`: PARTIAL once the consultation started, REFUSED before consent, and no
 * response when nothing was said at all.
 */
export function hangUpDialogue(previous: DialogueState): DialogueStep {
  const state = previous as EngineState;
  const ended = { ...state, ended: true, expecting: 'NONE' as const };
  if (!state.spoke) return { state: ended, botText: '', end: true, noResponse: true };
  return {
    state: ended,
    botText: '',
    end: true,
    outcome: state.consented || state.found.length > 0 ? 'PARTIAL' : 'REFUSED',
  };
}
