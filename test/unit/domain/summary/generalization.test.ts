/**
 * Generalization cases written apart from the eval sets: one small group per category of language the rules
 * must understand (not per line). Each transcript is real Korean with dialect and STT spacing noise.
 */
import { describe, expect, it } from 'vitest';
import type { CrisisType } from '../../../../functions/domain/consultation-summary.ts';
import { summarizeWithRules } from '../../../../functions/domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const t = (...lines: string[]): Transcript => ({
  contactId: 'g',
  locale: 'ko-KR',
  turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? 'bot' : 'resident', text })),
});

const HELLO = '안녕하세요. 한빛구청 복지정책과 AI 상담원입니다. 1956년생 박순자 님 맞으세요?';
const HOW = '구청에서 생활에 어려움이 없으신지 여쭤보려고 연락드렸어요. 요즘 생활은 어떠세요?';
const CLOSE = '말씀 고맙습니다. 담당 사회복지사가 연락드릴게요. 좋은 하루 보내세요.';

interface Case {
  name: string;
  transcript: Transcript;
  expect: Partial<{
    outcome: string;
    urgency: string;
    selfHarm: boolean;
    followUp: string;
    needsReview: boolean;
  }>;
  types?: CrisisType[];
  /** Types that must be present (others allowed). */
  has?: CrisisType[];
  /** Types that must be absent. */
  lacks?: CrisisType[];
}

function check(c: Case): void {
  const summary = summarizeWithRules(c.transcript);
  const got = {
    outcome: summary.outcome,
    urgency: summary.urgency,
    selfHarm: summary.riskFlags.selfHarm,
    followUp: summary.followUp,
    needsReview: summary.needsReview,
  };
  expect(got).toMatchObject(c.expect);
  if (c.types) expect([...summary.crisisTypes].sort()).toEqual([...c.types].sort());
  for (const type of c.has ?? []) expect(summary.crisisTypes).toContain(type);
  for (const type of c.lacks ?? []) expect(summary.crisisTypes).not.toContain(type);
}

describe('Function: summarizeWithRules — indirect self-harm signals (preparing for death)', () => {
  const cases: Case[] = [
    {
      name: 'giving the dog away and burning photos, then hanging up',
      transcript: t(
        HELLO,
        '예 맞는디요.',
        HOW,
        '뭐 괜찮어요. 우리 복실이는 옆집에 줘 버렸고 사진도 어제 다 태웠어. 인자 정리 다 했응께 신경 쓰지 마소. 끊어요.',
      ),
      expect: { urgency: 'EMERGENCY', selfHarm: true, followUp: 'IMMEDIATE_VISIT' },
      has: ['MENTAL_HEALTH'],
    },
    {
      name: 'settling debts before the end, in a refusal',
      transcript: t(
        HELLO,
        '네 근데요.',
        HOW,
        '상담은 필요 없어요. 이번 겨울 넘기기 전에 갚을 거 다 갚고 깔끔하게 가려고요.',
        '혹시 어디로 가신다는 말씀이신지 여쭤봐도 될까요?',
        '그냥 그렇다고요. 전화하지 마세요.',
      ),
      expect: { outcome: 'REFUSED', urgency: 'EMERGENCY', selfHarm: true },
    },
    {
      name: 'not staying long, not wanting to be a burden',
      transcript: t(
        HELLO,
        '네.',
        HOW,
        '나는 인자 오래 안 있을 거라예. 자식들한테 짐 안 되게 내 손으로 끝내야지 싶어서.',
        CLOSE,
      ),
      expect: { urgency: 'EMERGENCY', selfHarm: true },
    },
    {
      name: 'who takes the children after, and disappearing would be better',
      transcript: t(
        HELLO,
        '네 맞아요',
        HOW,
        '애들 아빠 빚 때문에 너무 힘들어요. 제가 없어지는 게 낫지 싶어요. 저 가고 나면 애들은 누가 봐 줄까요',
        CLOSE,
      ),
      expect: { urgency: 'EMERGENCY', selfHarm: true },
      has: ['DEBT', 'MENTAL_HEALTH'],
    },
    {
      name: 'saying goodbye as the call ends',
      transcript: t(
        HELLO,
        '예.',
        HOW,
        '됐어요. 그동안 고마웠다고 동사무소 분들한테 전해 주세요. 마지막으로 목소리라도 들어서 좋네.',
      ),
      expect: { urgency: 'EMERGENCY', selfHarm: true, needsReview: true },
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

describe('Function: summarizeWithRules — figurative 죽다 and denials are not self-harm', () => {
  const cases: Case[] = [
    {
      name: 'intensifiers and clichés',
      transcript: t(
        HELLO,
        '네 맞아요.',
        HOW,
        '아유 요새 심심해 죽겠어요. 어제는 배고파 죽는 줄 알았네 하하. 밥은 잘 먹어요.',
        CLOSE,
      ),
      expect: { urgency: 'LOW', selfHarm: false },
      types: [],
    },
    {
      name: 'fear of dying alone and a plan before dying',
      transcript: t(
        HELLO,
        '야 나여.',
        HOW,
        '혼자 살다 보니께 내가 죽으면 아무도 모를까 봐 그게 무서워. 외로워. 죽기 전에 고향 한 번 가 보고 싶고.',
        CLOSE,
      ),
      expect: { selfHarm: false, urgency: 'MEDIUM' },
      types: ['ISOLATION'],
    },
    {
      name: 'explicit denial after hard times',
      transcript: t(HELLO, '네.', HOW, '힘들긴 한데 죽고 싶다 그런 생각은 안 해요. 살아야죠.', CLOSE),
      expect: { selfHarm: false },
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

describe('Function: summarizeWithRules — immediate danger in any outcome', () => {
  it('no food since 그저께, in a callback request', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 맞는데 지금 좀 바빠요.',
        HOW,
        '그저께부터 아무것도 못 먹었어요. 지금은 통화 어려우니까 이따 저녁에 다시 전화 주세요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'CALLBACK_REQUESTED', urgency: 'EMERGENCY' });
    expect(summary.crisisTypes).toContain('FOOD');
  });

  it('a carer going into hospital next week leaves a dependent without carer: HIGH (contract 3.3), not danger today', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 접니다.',
        HOW,
        '제가 다음 주에 수술 때문에 입원해야 되는데 치매 있는 우리 영감 봐 줄 사람이 없어요. 혼자 두고 가야 돼요.',
        CLOSE,
      ),
    );
    expect(summary).toMatchObject({ urgency: 'HIGH', followUp: 'HOME_VISIT' });
    expect(summary.crisisTypes).toContain('CARE');
  });

  it('cannot get up and nobody comes, in dialect', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예예.', HOW, '넘어지고 나서 몸을 못 일으켜. 올 사람도 없고 화장실도 기어서 댕겨.', CLOSE),
    );
    expect(summary.urgency).toBe('EMERGENCY');
  });
});

describe('Function: summarizeWithRules — negation scope and resolved problems', () => {
  const cases: Case[] = [
    {
      name: 'healthy children and paid bills after "네"',
      transcript: t(
        HELLO,
        '네.',
        '요즘 본인이나 가족분이 아프시거나, 병원비가 부담되는 일이 있으세요?',
        '네 뭐 애들 건강하고 저도 괜찮아요.',
        '전기, 가스, 수도 요금이 밀렸거나 끊긴 적이 있으세요?',
        '네 전기세도 내고 있고요 밀린 건 없어요.',
        CLOSE,
      ),
      expect: { urgency: 'LOW' },
      types: [],
    },
    {
      name: 'dialect denials of illness (Jeju, Gyeongsang) next to a real problem',
      transcript: t(
        HELLO,
        '예 마씸.',
        '요즘 건강은 어떠세요?',
        '아픈 디도 어서. 근디 월세가 석 달 밀려수다.',
        '요즘 건강은 어떠세요?',
        '아픈 데 없심더.',
        CLOSE,
      ),
      expect: { urgency: 'MEDIUM' },
      types: ['HOUSING'],
    },
    {
      name: 'a healed operation and a real income problem in one utterance',
      transcript: t(
        HELLO,
        '네.',
        HOW,
        '작년에 허리 수술했는데 지금은 다 나았어요, 근데 일을 못 구해서 돈이 없어요.',
        CLOSE,
      ),
      expect: {},
      has: ['EMPLOYMENT', 'INCOME'],
      lacks: ['HEALTH'],
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

describe('Function: summarizeWithRules — income said indirectly, employment ended', () => {
  const cases: Case[] = [
    {
      name: 'pension far from enough (Gyeongsang) and waiting for the pension',
      transcript: t(
        HELLO,
        '예.',
        HOW,
        '연금 그거 갖고는 택도 없어. 연금 나올 때까지 열흘은 버텨야 돼.',
        CLOSE,
      ),
      expect: {},
      has: ['INCOME'],
    },
    {
      name: 'Jeju "모자라마씸" to the income question',
      transcript: t(
        HELLO,
        '예.',
        '요즘 수입이 줄거나 끊겨서 생활비가 부족하신가요?',
        '하영 모자라마씸.',
        CLOSE,
      ),
      expect: {},
      types: ['INCOME'],
    },
    {
      name: 'money needed to buy food; no money for diapers is INCOME, not CARE',
      transcript: t(HELLO, '네.', HOW, '애기 기저귀 살 돈도 없어요. 돈이 있어야 뭘 사 묵지.', CLOSE),
      expect: {},
      has: ['INCOME'],
      lacks: ['CARE'],
    },
    {
      name: 'contract ended, shop closed, delivery calls dried up',
      transcript: t(
        HELLO,
        '네 맞습니다.',
        HOW,
        '작년에 가게 접고 배달 했는데 요새 콜이 뚝 끊겼어요.',
        '그러셨군요. 배우자분은요?',
        '집사람은 계약 기간 끝나서 지금 놀아요.',
        CLOSE,
      ),
      expect: {},
      has: ['EMPLOYMENT'],
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

describe('Function: summarizeWithRules — mental health, a family member’s illness, care vs isolation', () => {
  const cases: Case[] = [
    {
      name: 'panic, sleeplessness and alcohol to sleep',
      transcript: t(
        HELLO,
        '네.',
        HOW,
        '밤마다 가슴이 벌렁거리고 숨이 막혀서 공황 같아요. 소주 한 병은 마셔야 잠이 와요. 잠을 한숨도 못 자요.',
        CLOSE,
      ),
      expect: { selfHarm: false },
      types: ['MENTAL_HEALTH'],
    },
    {
      name: 'a child’s asthma is HEALTH, a husband’s dementia told as care is CARE, care alone is not ISOLATION',
      transcript: t(
        HELLO,
        '네 맞아요.',
        HOW,
        '큰애가 천식이 심해서 밤에 자주 깨요. 남편은 치매가 와서 제가 하루 종일 혼자 돌봐요.',
        CLOSE,
      ),
      expect: {},
      has: ['HEALTH', 'CARE'],
      lacks: ['ISOLATION'],
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

describe('Function: summarizeWithRules — outcomes from who answers and who speaks last', () => {
  it('a daughter answering for a resident who died is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(HELLO, '저는 딸인데요, 엄마는 작년 가을에 돌아가셨어요.', '아, 그러셨군요. 죄송합니다.', '네.'),
    );
    expect(summary).toMatchObject({ outcome: 'WRONG_NUMBER', urgency: 'LOW', followUp: 'NONE' });
  });

  it('a son saying his father moved away is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아버지는 요양원 들어가셔가꼬 여기 안 사세요. 저는 아들이고요.',
        '네, 알겠습니다. 감사합니다.',
      ),
    );
    expect(summary.outcome).toBe('WRONG_NUMBER');
  });

  it('"다시 전화 안 하셔도 돼요" is a refusal, not a callback', () => {
    const summary = summarizeWithRules(
      t(HELLO, '네.', HOW, '저는 괜찮아요. 다시 전화 안 하셔도 돼요.', '알겠습니다. 좋은 하루 보내세요.'),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'LOW', followUp: 'NONE' });
  });

  it('a resident who breaks off mid-call without closing is PARTIAL', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 맞아요.',
        HOW,
        '월세가 두 달 밀렸어요.',
        '많이 걱정되시겠어요. 혹시 일은 하고 계세요?',
        '아 지금 애가 울어서요',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'PARTIAL', crisisTypes: ['HOUSING'] });
  });

  it('answering one question then declining the rest is REFUSED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네.',
        HOW,
        '허리가 좀 아파요.',
        '많이 불편하시겠어요. 생활비는 어떠세요?',
        '그런 건 말하기 싫어요. 더 이상 상담 안 할래요.',
        '알겠습니다. 필요하시면 구청으로 연락 주세요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', crisisTypes: ['HEALTH'] });
  });
});

describe('Function: summarizeWithRules — how a call ends (closing words, cut-off bot, leave to go on)', () => {
  it('thanks after a promise the bot words its own way is COMPLETED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '야, 나여.',
        HOW,
        '쌀이 똑 떨어져 갖고 라면만 먹고 있어유.',
        '오늘 중으로 담당자가 쌀이랑 반찬 챙겨서 가져가도록 하겠습니다.',
        '아이고 고맙구먼유.',
      ),
    );
    expect(summary.outcome).toBe('COMPLETED');
  });

  it('"알았어요" to a bot that says it will come is COMPLETED, not a break-off', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 맞아요',
        HOW,
        '월세가 석 달째 밀려 있어요',
        '주무관이 내일 오전에 댁으로 갈 거예요.',
        '네 알았어요',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'COMPLETED', urgency: 'MEDIUM' });
  });

  it('the resident cutting in while the bot trails off is PARTIAL', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '허리를 다쳐가 일을 못 나가요.',
        '많이 불편하시겠어요. 혹시 식사는…',
        '아 애기 깼다 미안해요',
      ),
    );
    expect(summary.outcome).toBe('PARTIAL');
  });

  it('a daughter-in-law who says "제가 이 폰을 쓰고 있어요" is still not the person: WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아 저는 며느린데요, 어머님은 재작년에 돌아가셨어요. 제가 이 폰 그냥 쓰고 있어요.',
        '그러셨군요. 알려 주셔서 감사합니다.',
        '네 수고하세요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'WRONG_NUMBER', urgency: 'LOW', followUp: 'NONE' });
  });

  it('"지금 바빠요" then "그런 전화 안 하셔도 돼요" is REFUSED, not a callback', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아 지금 바빠요 무슨 일인데요',
        HOW,
        '별일 없어요. 그런 전화 안 하셔도 돼요.',
        '알겠습니다. 좋은 하루 보내세요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'LOW', followUp: 'NONE' });
  });

  it('declining when the bot asks leave to go on is REFUSED, in Gyeongsang speech', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예 맞심더.',
        HOW,
        '머 그럭저럭 삽니더. 아들이 자주 들여다보고예.',
        '다행이에요. 그래도 몇 가지만 더 여쭤봐도 될까요?',
        '아이다, 고마 됐심더. 필요 없심더.',
        '알겠습니다. 필요하시면 구청으로 연락 주세요.',
        '예 들어가이소.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'LOW' });
  });

  it('"할 말 없어요" with an ending in her own hands is REFUSED and EMERGENCY', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '그런데요.',
        '구청에서 안부를 여쭤보려고요. 잠시 얘기 나눌 수 있을까요?',
        '할 말 없어요. 제 손으로 싹 정리할 거니까 찾지 마세요.',
        '많이 걱정돼요. 혹시 스스로를 해칠 생각이 있으신가요?',
        '인자 끊을라요.',
      ),
    );
    expect(summary).toMatchObject({
      outcome: 'REFUSED',
      urgency: 'EMERGENCY',
      riskFlags: { selfHarm: true },
    });
  });
});

describe('Function: analyzeUtterance — words inside words, negation before the verb, idioms of scarcity', () => {
  const read = (text: string, botText = HOW) => analyzeUtterance(text, { expecting: 'NONE', botText });
  const cases: { text: string; has?: CrisisType[]; lacks?: CrisisType[]; bot?: string }[] = [
    { text: '아파트 관리 일 하고 있고 애들도 다 컸어요', lacks: ['HEALTH'] },
    {
      text: '임대료는 안 밀렸고요, 가스비도 꼬박꼬박 내요',
      lacks: ['HOUSING', 'UTILITIES'],
      bot: '집세나 공과금은요?',
    },
    { text: '관리비 밀린 건 없어예', lacks: ['HOUSING'] },
    { text: '작년에 다리 수술한 거 다 나아서 멀쩡해요', lacks: ['HEALTH'] },
    { text: '식당에서 잘려가지고 요새 일자리 찾는 중이에요', has: ['EMPLOYMENT'] },
    { text: '월세 빼고 나믄 남는 돈이 하나도 없어예', has: ['INCOME'] },
    { text: '가게 매출이 작년 절반도 안 돼요', has: ['INCOME'] },
    { text: '관리비 내고 나면 남는 게 없어요', has: ['INCOME'], lacks: ['HOUSING'] },
    { text: '알바로 버는 거 가지고는 한 달 버티기가 힘들어요', has: ['INCOME'] },
    { text: '소주 안 마시면 잠을 못 자요 요즘', has: ['MENTAL_HEALTH'] },
    { text: '애기가 밤에 자꾸 깨서 잠을 못 자요', lacks: ['MENTAL_HEALTH'] },
    { text: '제가 입원하는 동안 우리 딸 맡길 데가 아무도 없어요', has: ['CARE'] },
    { text: '애 아빠는 연락 끊긴 지 오래라 양육비 한 푼 안 줘요', lacks: ['ISOLATION'] },
    { text: '아들놈하고도 연락 끊긴 지 삼 년이라 말할 데가 없어', has: ['ISOLATION'] },
  ];
  for (const c of cases) {
    it(`"${c.text}"`, () => {
      const analysis = read(c.text, c.bot);
      for (const type of c.has ?? []) expect(analysis.crises).toContain(type);
      for (const type of c.lacks ?? []) expect(analysis.crises).not.toContain(type);
    });
  }

  it('"집으로 한번 와 주실 수 있어요?" after a read-back is a visit request', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 맞아요',
        HOW,
        '애 둘 혼자 키우는데 알바비로는 생활비가 모자라요.',
        '정리하면, 아르바이트 수입으로는 생활비가 모자라다는 말씀이시죠?',
        '네. 근데 서류를 잘 몰라서 그런데 집으로 한번 와 주실 수 있어요?',
        CLOSE,
        '감사합니다',
      ),
    );
    expect(summary).toMatchObject({ urgency: 'MEDIUM', followUp: 'HOME_VISIT' });
  });

  it('a dependent with nobody at all to look after him is HIGH', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 접니다.',
        HOW,
        '담달에 제가 허리 수술 받는디 입원 동안 우리 아들 봐 줄 사람이 아무도 없어유.',
        '정리하면, 입원 동안 아드님을 돌봐 줄 분이 없으시다는 말씀이시죠?',
        '예 맞어유.',
        CLOSE,
        '네 수고하셔유.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'COMPLETED', urgency: 'HIGH', followUp: 'HOME_VISIT' });
    expect(summary.crisisTypes).toContain('CARE');
  });
});

describe('Function: analyzeUtterance — everyday wording that is not a warning sign', () => {
  const everyday = [
    '그동안 고마웠어요 정말로',
    '올해 넘기기 전에 이사 가야죠',
    '의사가 오래 못 산대요, 암이라서',
    '이사 짐 다 정리했어요',
    '부담 안 되게 나눠서 낼게요',
    '배고파 죽는 줄 알았어요',
  ];
  for (const text of everyday) {
    it(`"${text}" is not self-harm`, () => {
      const analysis = analyzeUtterance(text, { expecting: 'NONE', botText: HOW });
      expect(analysis.selfHarm).toBe(false);
    });
  }

  it('sleeping badly because a baby wakes is not MENTAL_HEALTH', () => {
    const analysis = analyzeUtterance('애 보느라 잠을 제대로 못 자요', { expecting: 'NONE', botText: HOW });
    expect(analysis.crises).not.toContain('MENTAL_HEALTH');
  });
});

describe('Function: analyzeUtterance — round h14: resolved, managed, someone else, not a crisis', () => {
  const none: [string, string, string][] = [
    [
      'a knee managed with pills, in Jeolla speech',
      '건강은 어떠세요?',
      '허리가 쪼까 안 좋은디 약 묵응께 괜찮어라.',
    ],
    ['a debt paid off long ago', '빚은 없으세요?', '그 빚이요, 다 갚은 지가 벌써 칠 년이여요.'],
    ['an operation that restored sight', '건강은 어떠세요?', '눈 수술 받았는디 이제 잘 보여요.'],
    ['hanging up for a customer', '혹시 이 분 아세요?', '모르겠네요. 손님 들어와서 이만 끊을게요.'],
    ['a boat to take out', '요즘 어떠세요?', '아 배 나가야 하는디 얼른 물어보씨요.'],
    [
      "a brother-in-law's debt in another city",
      '빚은 없으세요?',
      '인천 사는 처남놈이 빚이 많아서 그게 걱정이제.',
    ],
    [
      'nobody hiring is not loneliness',
      '사람들은 자주 만나세요?',
      '공사판 일 끊기고 나이 드니까 아무도 안 써줘요.',
    ],
  ];
  it.each(none)('%s', (_name, bot, text) => {
    const analysis = analyzeUtterance(text, { expecting: 'NONE', botText: bot });
    expect(analysis.crises.filter((c) => c !== 'EMPLOYMENT')).toEqual([]);
    expect(analysis.high).toEqual([]);
  });

  it('"우울한 거는 아이다" denies the depression in Gyeongsang speech', () => {
    const analysis = analyzeUtterance('우울하고 그런 거는 아이다. 그냥 심심한 기지.', {
      expecting: 'NONE',
      botText: '기분이 많이 가라앉으시진 않으세요?',
    });
    expect(analysis.crises).not.toContain('MENTAL_HEALTH');
  });
});

describe('Function: analyzeUtterance — round h14: what was missed', () => {
  const heard: [string, string, string, CrisisType][] = [
    ['pay cut to half', '생활비는 괜찮으세요?', '남편 일이 줄어가 월급이 반만 나와요.', 'INCOME'],
    ['not even a thousand won', '돈은 좀 있으세요?', '지갑에 천 원도 없어요 지금.', 'INCOME'],
    ['children skipping lunch', '식사는 어떠세요?', '애들이 방학이라 점심을 거를 때가 많아요.', 'FOOD'],
    ['the work one went out to dried up', '일은 하세요?', '공장 일 다니던 게 딱 끊겼어요.', 'EMPLOYMENT'],
  ];
  it.each(heard)('%s', (_name, bot, text, type) => {
    expect(analyzeUtterance(text, { expecting: 'NONE', botText: bot }).crises).toContain(type);
  });

  it('chest pain spreading to the left arm is a 119 emergency and a health crisis', () => {
    const analysis = analyzeUtterance('가슴이 막 짓눌리는 거 같고 왼팔이 저려요.', {
      expecting: 'NONE',
      botText: '어디 불편하세요?',
    });
    expect(analysis.danger).toEqual({ hotline: '119' });
    expect(analysis.crises).toContain('HEALTH');
  });

  it('a chest that is only tight, and endured, is no emergency', () => {
    const analysis = analyzeUtterance('가슴이 가끔 조이는데 참을 만해요.', {
      expecting: 'NONE',
      botText: '건강은요?',
    });
    expect(analysis.danger).toBeUndefined();
  });

  it('"안 하는 날이 없지" to the direct question is not a denial', () => {
    const analysis = analyzeUtterance('그런 생각 안 드는 날이 없지요', {
      expecting: 'NONE',
      botText: '혹시 스스로 목숨을 끊을 생각까지 하고 계세요?',
    });
    expect(analysis.selfHarm).toBe(true);
    expect(analysis.selfHarmDenied).toBeFalsy();
  });

  it('"알려 주이소. 전화로." chooses a call', () => {
    const analysis = analyzeUtterance('그거 좀 알려 주이소. 전화로.', {
      expecting: 'NONE',
      botText: '더 필요하신 건요?',
    });
    expect(analysis.phoneRequest).toBe(true);
  });

  it.each([['저는 김말자 씨 아닌데요. 이 번호 받은 지 얼마 안 됐어요.'], ['아 전에 쓰던 분 찾으시나 봐요.']])(
    '"%s" is the wrong person',
    (text) => {
      expect(analyzeUtterance(text, { expecting: 'NONE', botText: HELLO }).wrongPerson).toBe(true);
    },
  );
});

describe('Function: summarizeWithRules — round h14: cold, outcome', () => {
  it('utilities cut in mild weather, with no one frail, is HIGH, not an emergency', () => {
    check({
      name: 'no cold',
      transcript: t(
        HELLO,
        '예 맞어유.',
        HOW,
        '전기가 지난주에 끊겼어유. 요새 날이 풀려서 춥진 않어유. 아픈 데도 없고.',
        CLOSE,
      ),
      expect: { urgency: 'HIGH', followUp: 'HOME_VISIT' },
      has: ['UTILITIES'],
    });
  });

  it('needs told, then "더 할 말 없어요" and a hang-up, is stopped midway (PARTIAL)', () => {
    check({
      name: 'told then stopped',
      transcript: t(
        HELLO,
        '네 왜요.',
        HOW,
        '수도 끊긴 지 보름 됐어요, 월세도 석 달 밀렸고. 됐죠? 더 할 말 없어요.',
        '많이 힘드시겠어요. 식사는 하세요?',
        '그만 물어요. 끊어요.',
      ),
      expect: { outcome: 'PARTIAL', urgency: 'HIGH' },
    });
  });

  it('needs told, then the consultation itself declined, is still REFUSED', () => {
    check({
      name: 'told then declined',
      transcript: t(
        HELLO,
        '네.',
        '몇 가지 여쭤봐도 될까요?',
        '월세 밀린 거 때문에 그러시죠? 그건 제가 알아서 할 거고 상담은 안 받을게요.',
        '안내만이라도 드릴까요?',
        '아니요 됐어요. 끊을게요.',
      ),
      expect: { outcome: 'REFUSED' },
    });
  });

  it('"안 하셔도 될 것 같아요" to the consent question declines the call', () => {
    check({
      name: 'polite decline',
      transcript: t(
        HELLO,
        '네 근데 저는 괜찮아서요, 안 하셔도 될 것 같아요.',
        '알겠습니다. 필요하시면 구청으로 연락 주세요.',
        '네 수고하세요.',
      ),
      expect: { outcome: 'REFUSED', urgency: 'LOW', followUp: 'NONE' },
    });
  });
});

describe('Function: analyzeUtterance — round h15: scope and subject', () => {
  it.each([
    ['money running short is no farewell', '옮길 데는 있으세요?', '없어요. 통장 잔고도 얼마 안 남았고요'],
    [
      "a neighbour's piled-up mail is the neighbour's",
      '도움받을 분은 계세요?',
      '저흰 괜찮아요. 윗집 아저씨가 혼자 사시는데 요새 안 보이시고 고지서가 쌓여 있더라고요.',
    ],
    ['nothing in arrears, in Chungcheong speech', '공과금은 어떠세요?', '밀린 거 하나두 읎어유'],
    ['an ache conceded, illness denied', '건강은요?', '무릎이 좀 쑤시긴 한데 아픈 데는 없어요'],
    ['a condition that pills keep quiet', '건강은요?', '고혈압이 있긴 한데 약 먹으면 괜찮아요'],
    ['worry conceded, not serious', '마음은 좀 어떠세요?', '걱정되긴 한데 크게 힘든 건 아니에요'],
  ])('%s', (_name, bot, text) => {
    const analysis = analyzeUtterance(text, { expecting: 'NONE', botText: bot });
    expect(analysis.crises).toEqual([]);
    expect(analysis.selfHarm).toBe(false);
  });

  it('"보냈어요" (sent) does not pay an arrear told in the same clause', () => {
    const analysis = analyzeUtterance('관리비를 넉 달 못 냈더니 관리소에서 나가라고 통지서를 보냈어요', {
      expecting: 'NONE',
      botText: '집은 어떠세요?',
    });
    expect(analysis.crises).toContain('HOUSING');
    expect(analysis.high).toContain('퇴거 위기');
  });

  it('"나가라는 소린 없어요" is no eviction', () => {
    const analysis = analyzeUtterance('나가라는 소린 없어요. 좀 낡아서 그렇지', {
      expecting: 'NONE',
      botText: '집은요?',
    });
    expect(analysis.high).not.toContain('퇴거 위기');
  });

  it('hours cut by the employer is less income; sleeping hours are not', () => {
    const ctx = { expecting: 'NONE' as const, botText: '수입은 어떠세요?' };
    expect(analyzeUtterance('사장님이 근무시간을 반으로 줄여서 월급이 팍 줄었어요', ctx).crises).toContain(
      'INCOME',
    );
    expect(analyzeUtterance('요즘 자는 시간이 줄었어요', ctx).crises).not.toContain('INCOME');
  });
});

describe('Function: summarizeWithRules — round h15: a refusal not taken back', () => {
  it('a refusal, one more answer and a hang-up on the self-harm question stays REFUSED (and EMERGENCY)', () => {
    check({
      name: 'refused, affairs in order, hung up',
      transcript: t(
        HELLO,
        '예.',
        '몇 년생이신지 말씀해 주세요.',
        '그런 거 안 할랍니다.',
        '요즘 어려운 일이 있으신지만 여쭤봐도 될까요?',
        '인자 뭘요. 집 정리 다 해 놓고 열쇠는 조카한테 맡겨 놨어요.',
        '혹시 스스로를 해치고 싶은 생각이 드세요?',
        '그런 건 묻지 마이소. 끊을게요.',
      ),
      expect: { outcome: 'REFUSED', urgency: 'EMERGENCY', selfHarm: true },
    });
  });
});

describe('Function: analyzeUtterance — round i1: no will to live, danger told now', () => {
  it.each([
    ['"살고 싶은 마음이 통 없어요"', '살고 싶은 마음이 통 없어요. 입맛도 없고'],
    ['the life named after the wish', '이리 버티느니 끝내고 싶어요 사는 거'],
    ['eyes closed for good', '이제는 그냥 눈 감고 싶어요'],
    ['Gangwon 뻐리다', '어디 가서 콱 사라져 뻐리면 좋겠드래요'],
    ['"고만 살고 싶다"', '인제 고만 살고 싶다 마'],
  ])('%s is self-harm', (_name, text) => {
    expect(analyzeUtterance(text, { expecting: 'NONE', botText: '마음은 좀 어떠세요?' }).selfHarm).toBe(true);
  });

  it.each([
    ['breath failing since a while ago', '아까부터 숨이 잘 안 쉬어지고 가슴이 답답해요'],
    ['too breathless to speak', '숨이 막혀서 말을 못 하겠어요'],
    ['chest pain with a cold sweat', '가슴이 너무 아파서 식은땀이 줄줄 나요'],
    ['a high fever with confusion', '열이 사십 도까지 올라서 정신이 오락가락해요'],
    ["moaning behind a neighbour's door", '옆집에서 며칠째 신음 소리가 들려요'],
  ])('%s is a 119 danger', (_name, text) => {
    expect(analyzeUtterance(text, { expecting: 'NONE', botText: '지금 괜찮으세요?' }).danger).toEqual({
      hotline: '119',
    });
  });

  it('panic told as a pattern is distress, not a danger now', () => {
    const analysis = analyzeUtterance('공황이 와서 버스에서 숨이 안 쉬어진 적도 있어요', {
      expecting: 'NONE',
      botText: '마음은 좀 어떠세요?',
    });
    expect(analysis.danger).toBeUndefined();
    expect(analysis.crises).toContain('MENTAL_HEALTH');
  });
});

describe('Function: summarizeWithRules — round i1: circumstances', () => {
  it('fallen, legs that will not move, alone since yesterday is an emergency', () => {
    check({
      name: 'fallen alone',
      transcript: t(
        HELLO,
        '넘어졌는데 다리가 안 움직여요. 혼자 살아서 일어날 수가 없어요. 어제부터요.',
        CLOSE,
      ),
      expect: { urgency: 'EMERGENCY', followUp: 'IMMEDIATE_VISIT' },
    });
  });

  it('snow on the road, fuel run out and a sick wife lying down is cold without heat with someone frail', () => {
    check({
      name: 'snowed in',
      transcript: t(HELLO, '눈이 잔뜩 와서 길이 막혔는데 기름이 떨어졌어요. 할망구가 아파 누웠고요.', CLOSE),
      expect: { urgency: 'EMERGENCY' },
      has: ['UTILITIES'],
    });
  });
});

describe('Function: analyzeUtterance — round h16: whose care, whose need', () => {
  const careQuestion = '집에 돌봄이 필요한 가족이 계신가요?';
  it.each([
    ['"돌볼 사람은 없고예" is no dependent', '돌볼 사람은 없고예, 집사람이랑 둘이 살아요'],
    ['living alone with nobody to look after', '혼자 살고 돌볼 사람 없어요'],
    ['a worry that did not come true', '애 맡길 데가 없을까 걱정했는데 친정엄마가 봐주세요'],
  ])('%s', (_name, text) => {
    const analysis = analyzeUtterance(text, { expecting: 'NONE', botText: careQuestion });
    expect(analysis.crises).not.toContain('CARE');
    expect(analysis.high).toEqual([]);
  });

  it('a named dependent with nobody to look after him is still CARE', () => {
    const analysis = analyzeUtterance('아버지를 돌볼 사람이 아무도 없어요', {
      expecting: 'NONE',
      botText: careQuestion,
    });
    expect(analysis.crises).toContain('CARE');
  });

  it("a sister's illness and poverty, heard second-hand, are hers", () => {
    const analysis = analyzeUtterance(
      '아니요 언니는 부산에서 혼자 살아요. 수술하고 일도 못 하고 돈도 없다고 하더라고요',
      {
        expecting: 'NONE',
        botText: '언니분도 같이 사세요?',
      },
    );
    expect(analysis.crises).toEqual([]);
    expect(analysis.high).toEqual([]);
  });

  it('a cash advance on the card is debt', () => {
    const analysis = analyzeUtterance('병원비 때문에 현금서비스 받은 게 이백이에요', {
      expecting: 'NONE',
      botText: '빚은요?',
    });
    expect(analysis.crises).toContain('DEBT');
  });
});

describe('Function: analyzeUtterance — round h16: the wish named and denied', () => {
  it.each([
    ['죽고 싶은 생각은 없어요'],
    ['죽고 잡은 맘은 없어. 그냥 허전한 거제'],
    ['죽고 싶은 마음까지는 없어요'],
  ])('"%s" is no self-harm', (text) => {
    expect(analyzeUtterance(text, { expecting: 'NONE', botText: HOW }).selfHarm).toBe(false);
  });

  it('"돌아올 생각은 없어요" after a one-way trip stays a sign', () => {
    const analysis = analyzeUtterance('바다 보러 가요. 편도로요. 돌아올 생각은 없어요.', {
      expecting: 'NONE',
      botText: HOW,
    });
    expect(analysis.selfHarm).toBe(true);
  });
});
