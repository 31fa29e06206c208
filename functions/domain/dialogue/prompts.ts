/** What the bot says (Korean). Kept apart from the engine's logic so wording can be reviewed on its own. */
import type { CrisisType } from '../consultation-summary.ts';

/** Short Korean names of the crisis types, for read-backs and summaries. */
export const CRISIS_LABELS: Record<CrisisType, string> = {
  INCOME: '생활비·수입 부족',
  FOOD: '끼니·식사 어려움',
  HOUSING: '주거(월세·퇴거) 문제',
  UTILITIES: '전기·가스·수도 요금이나 단절',
  HEALTH: '건강·의료비 문제',
  MENTAL_HEALTH: '마음 건강(우울·불면)',
  EMPLOYMENT: '일자리 문제',
  DEBT: '빚·체납',
  CARE: '돌봄 부담',
  ISOLATION: '외로움·고립',
};

/**
 * Screening question per crisis type: one topic each, phrased so that "네" means the problem is there
 * (the summarizer reads short answers against the question).
 */
export const SCREENING: Record<CrisisType, string> = {
  INCOME: '요즘 수입이 줄거나 끊겨서 생활비가 부족하신가요?',
  EMPLOYMENT: '최근에 일자리를 잃으셨거나, 일을 구하지 못해 어려우신가요?',
  FOOD: '요즘 끼니를 거르시는 날이 있으세요?',
  HOUSING: '지금 사시는 집의 월세나 관리비가 밀렸거나, 집을 비워야 할 걱정이 있으세요?',
  UTILITIES: '전기, 가스, 수도 요금이 밀렸거나 끊긴 적이 있으세요?',
  HEALTH: '요즘 본인이나 가족분이 아프시거나, 병원비가 부담되는 일이 있으세요?',
  DEBT: '갚기 어려운 빚이나 대출, 밀린 건강보험료가 있으세요?',
  CARE: '집에 돌봐 드려야 하는 분이 계셔서 혼자 감당하기 힘드신가요?',
  ISOLATION: '요즘 외롭다고 느끼시거나, 며칠씩 누구와도 이야기하지 않고 지내실 때가 있으세요?',
  MENTAL_HEALTH: '요즘 마음이 많이 힘들거나, 우울하거나, 잠을 잘 못 주무시는 일이 있으세요?',
};

/** One follow-up where a problem surfaced: it asks for the severity that decides urgency. */
export const FOLLOW_UP: Partial<Record<CrisisType, string>> = {
  INCOME: '지금은 들어오는 수입이 전혀 없으신가요?',
  FOOD: '혹시 이틀 넘게 아무것도 못 드신 적도 있으세요?',
  HOUSING: '집주인이 집을 비워 달라고 했거나 나가야 하는 날짜가 정해져 있으세요?',
  UTILITIES: '지금 전기나 가스, 수도가 끊긴 상태인가요?',
  HEALTH: '혹시 돈 때문에 치료를 못 받고 계신가요?',
  DEBT: '독촉 전화나 통장 압류 같은 일도 있으세요?',
  CARE: '그분을 대신 돌봐 줄 사람이 없으신가요?',
};

export const ANYTHING_ELSE_PROMPT = '그 밖에 어려운 점이나 도움이 필요하신 일이 더 있으세요?';

export const SAFETY_PROBE =
  '말씀해 주셔서 고맙습니다. 하나만 더 여쭤볼게요. 혹시 스스로를 해치고 싶다거나 죽고 싶다는 생각이 드신 적이 있으세요?';

/** Risk flags of the national screening (list column 위기정보) → the crisis types asked first. */
export const RISK_FLAG_TOPICS: { pattern: RegExp; types: CrisisType[] }[] = [
  { pattern: /단전|단수|단가스|전기|가스|수도|공과금|에너지/, types: ['UTILITIES'] },
  { pattern: /건강보험료|건보료|보험료/, types: ['DEBT', 'HEALTH'] },
  { pattern: /월세|임대료|관리비|주거|퇴거|고시원/, types: ['HOUSING'] },
  { pattern: /통신비|금융|연체|채무|대출/, types: ['DEBT'] },
  { pattern: /실직|고용|휴폐업|폐업|실업/, types: ['EMPLOYMENT', 'INCOME'] },
  { pattern: /의료|질병|중증|요양|장애/, types: ['HEALTH', 'CARE'] },
  { pattern: /고립|독거|1인/, types: ['ISOLATION'] },
  { pattern: /자살|정신|우울/, types: ['MENTAL_HEALTH'] },
];

/** Default order of the questionnaire after the risk-flag topics. */
export const DEFAULT_ORDER: CrisisType[] = [
  'INCOME',
  'EMPLOYMENT',
  'FOOD',
  'HOUSING',
  'UTILITIES',
  'HEALTH',
  'DEBT',
  'CARE',
  'ISOLATION',
  'MENTAL_HEALTH',
];

/** "1234" → "1, 2, 3, 4" so speech synthesis reads digit by digit. */
export function spellDigits(code: string): string {
  return code.split('').join(', ');
}
