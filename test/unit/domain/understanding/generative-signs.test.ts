import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const HOW = '요즘 어떻게 지내세요?';
const read = (text: string, botText = HOW) => analyzeUtterance(text, { expecting: 'NONE', botText });

describe('Function: analyzeUtterance — self-harm heard by composition (a predicate of dying times a frame)', () => {
  it.each([
    '차라리 내가 죽는 게 낫겠어요',
    '그냥 이대로 가버리는 게 애들 돕는 거지',
    '자다가 그대로 죽으면 얼마나 좋을까',
    '손주만 아니면 진작 죽었어요',
    '애초에 안 태어났으면 좋았을 텐데',
    '요새는 다 놔버리고 싶어요',
    '하느님한테 얼른 데려가 달라고 빌어요',
    '수면제 통을 자꾸 들여다보게 돼요',
    '옥상 올라가면 뛰어내릴까 싶어요',
    '나 같은 거 없어지는 게 다들 편하지',
    '숨 쉬는 것도 민폐 같아요',
    '사고라도 나서 죽었으면 좋겠어',
    '주거버리고 시퍼요',
    '확 가삐믄 좋겠다',
  ])('flags "%s"', (text) => {
    expect(read(text).selfHarm).toBe(true);
  });

  it.each([
    '배고파 죽겠어요 진짜',
    '병원에 그냥 가는 게 낫지 않을까요',
    '저 먼저 가야겠네요, 약속이 있어서요',
    '이번 주까지만 버티면 돼요. 월급날이거든요.',
    '다이어트 다 포기하고 싶어요',
    '이사 갈 때가 된 것 같아요',
    '그동안 고마웠어요, 선생님 퇴직하신다면서요',
    '농약 쳐다보기도 싫어요, 밭일 지겨워서',
    '이대로 가면 좋겠어요, 지금처럼만',
    '내년은 없을 거래요 이 가게',
    '그것도 그만하고 싶어요, 알바요',
    '살 만큼 살았어도 아직은 살아야지요',
    '나 죽으면 우리 딸은 어떻게 사노 싶어서 걱정이에요',
    '죽고 싶은 거랑은 달라요, 그냥 피곤해요',
  ])('does not flag "%s"', (text) => {
    expect(read(text).selfHarm).toBe(false);
  });
});

describe('Function: analyzeUtterance — negation scope', () => {
  it('a short negation before a predicate denies it, a denied denial affirms it', () => {
    expect(read('나 안 외로워요').crises).toEqual([]);
    expect(read('외롭지 않다면 거짓말이지').crises).toEqual(['ISOLATION']);
    expect(read('안 아픈 건 아닌데 병원 갈 정도는 아니에요').crises).toContain('HEALTH');
  });

  it('a rhetorical question or an echo of the bot is no report', () => {
    expect(read('외롭기는 뭐가 외로와. 매일 친구들 만나').crises).toEqual([]);
    expect(read('독촉이요? 그런 거 없어요', '빚 독촉 받으세요?').crises).toEqual([]);
  });

  it("someone else's problem, disowned, is not the household's", () => {
    expect(read('저는 괜찮은데 따로 사는 동생이 실직했대요').crises).toEqual([]);
  });
});

describe('Function: analyzeUtterance — answers read with their question', () => {
  it('"좀 있어요" to "빚은 없으시죠?" is a debt', () => {
    expect(read('좀 있어요', '빚은 없으시죠?').crises).toEqual(['DEBT']);
  });

  it('items named back carry the question: a cut utility', () => {
    const analysis = read('가스랑 전기요', '전기, 가스, 수도 중에 끊긴 게 있나요?');
    expect(analysis.crises).toEqual(['UTILITIES']);
    expect(analysis.high).toContain('공과금 단절');
  });

  it('"네" to a question that confirms "none" carries it: no income', () => {
    expect(read('네, 하나도요', '그럼 지금 수입은 전혀 없으신 거죠?').high).toContain('수입 없음');
  });

  it('"네" to a question about a solved problem carries nothing', () => {
    expect(read('네, 지난달부터 다녀요', '일자리는 구하셨어요?').crises).toEqual([]);
  });
});
