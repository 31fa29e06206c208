import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const open = (utterance: string, botText = '요즘 생활은 좀 어떠세요?') =>
  analyzeUtterance(utterance, { expecting: 'NONE', botText });

describe('Function: analyzeUtterance', () => {
  describe('crisis types', () => {
    it.each([
      ['월세가 석 달째 밀려 가지고 집주인이 방 빼라캅니다', ['HOUSING']],
      ['가스 끊긴 지 열흘 됐어요', ['UTILITIES']],
      ['전기세를 몬 내서 독촉장이 왔어예', ['UTILITIES']],
      ['회사가 문을 닫아서 일자리를 잃었어요', ['EMPLOYMENT']],
      ['카드빚 돌려막기 하다가 이제 한계예요', ['DEBT']],
      ['요새 잠이 안 와서 밤을 꼬박 새요', ['MENTAL_HEALTH']],
      ['무릎이 아파서 병원비가 걱정이여', ['HEALTH']],
      ['자식들 연락도 잘 안 오고 하루 종일 혼자 티비만 봐요', ['ISOLATION']],
      ['치매 걸린 어머니를 제가 혼자 간병하고 있어요', ['CARE']],
      ['끼니를 거를 때가 많아라', ['FOOD']],
    ])('hears %s', (utterance, types) => {
      expect(open(utterance).crises).toEqual(types);
    });

    it.each([
      '밥 못 먹는 건 아니고요',
      '월세는 지난달에 다 냈어요',
      '쫓겨날 걱정은 없어요',
      '빚은 없어요',
      '전기가 끊기진 않았어요',
      '아픈 데는 없어요',
      '굶지는 않아요',
    ])('ignores the negated or resolved problem in "%s"', (utterance) => {
      expect(open(utterance).crises).toEqual([]);
    });

    it.each([
      ['돈이 없어가 약도 몬 사묵는다', ['INCOME', 'HEALTH'], ['비용 때문에 치료 못 받음']],
      ['보증금 다 까이고 이달 말에 방 비워 줘야 돼요', ['HOUSING'], ['퇴거 위기']],
      ['수돗물이 안 나와요', ['UTILITIES'], ['공과금 단절']],
      ['요새 일감이 뚝 끊겨서 손가락만 빨고 있어요', ['INCOME', 'EMPLOYMENT'], []],
      ['라면으로 겨우 버텨요', ['FOOD'], []],
      ['집이 반지하라 비만 오면 물이 차요', ['HOUSING'], []],
      [
        '장애 있는 아들을 혼자 돌보는데 제가 입원하게 생겨서 맡길 데가 없어요',
        ['HEALTH', 'CARE'],
        ['돌볼 사람 없는 피부양자'],
      ],
    ])('hears "%s" in other wording', (utterance, types, high) => {
      const result = open(utterance);
      expect(result.crises).toEqual(types);
      expect(result.high).toEqual(high);
    });

    it('reads spacing errors from speech-to-text the same way', () => {
      expect(open('월 세가 밀 렸어요. 집 주인이 나가 라고').crises).toEqual(['HOUSING']);
    });

    it('takes a bare "없죠" to a question about income as no income', () => {
      const result = analyzeUtterance('없죠 뭐.', {
        expecting: 'NONE',
        botText: '지금 들어오는 수입은 있으세요?',
      });
      expect(result.crises).toEqual(['INCOME']);
      expect(result.high).toContain('수입 없음');
    });

    it('takes "네" to the engine screening question as the problem asked about', () => {
      const result = analyzeUtterance('네.', {
        expecting: 'DEBT',
        botText: '갚기 어려운 빚이나 대출이 있으세요?',
      });
      expect(result.crises).toEqual(['DEBT']);
    });

    it('takes "네" to a negative question ("없으세요?") as no problem', () => {
      const result = analyzeUtterance('네, 없어요.', {
        expecting: 'NONE',
        botText: '다른 어려움은 없으세요?',
      });
      expect(result.crises).toEqual([]);
    });
  });

  describe('self-harm and danger', () => {
    it.each([
      '다 그만하고 싶어요',
      '그냥 사라지고 싶다는 생각만 들어요',
      '자다가 안 깼으면 좋겠어요',
      '내가 없어지면 애들이 편하겠지 싶어요',
      '이래 살아서 뭐하노 싶다',
      '확 죽어뿌믄 편할 낀데',
      '수면제를 조금씩 모아 두고 있어요',
      '살 이유가 없어요',
      '세상에 나 하나 없어도 아무도 모를 거예요',
      '약을 한 움큼 먹으면 편해질까 그런 생각도 해요',
      '나쁜 생각도 들고 그래요',
      '차라리 없어지는 게 낫겠다 싶어요',
      '영감 따라 가고 싶다',
    ])('catches the indirect signal in "%s"', (utterance) => {
      const result = open(utterance);
      expect(result.selfHarm).toBe(true);
      expect(result.crises).toContain('MENTAL_HEALTH');
    });

    it.each([
      '힘들어 죽겠어요',
      '배고파 죽겠네',
      '죽기 전에 집은 한번 고치고 싶어요',
      '혼자 살아요',
      '죽고 싶다는 생각까지는 안 해요',
      '이 번호로 전화 좀 그만 왔으면 좋겠어요',
      '오늘은 일 그만할게요',
      '혼자 있다가 죽으면 아무도 모를까 봐 무서워요',
      '나쁜 생각은 안 해요',
    ])('does not flag the idiom or denial "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(false);
    });

    it('treats an unsure answer to a direct self-harm question as a signal', () => {
      const result = analyzeUtterance('...모르겠어요.', {
        expecting: 'SAFETY',
        botText: '혹시 스스로를 해치고 싶다는 생각이 드신 적이 있으세요?',
      });
      expect(result.selfHarm).toBe(true);
    });

    it('hears violence at home as danger for 112', () => {
      expect(open('남편이 술만 먹으면 때려요').danger).toEqual({ hotline: '112' });
    });

    it('hears a collapse as danger for 119', () => {
      expect(open('어머니가 쓰러졌는데 숨을 잘 못 쉬어요').danger).toEqual({ hotline: '119' });
    });

    it('marks two days without food as a food emergency', () => {
      expect(open('쌀 떨어진 지 사흘 됐어요. 물만 마셔요').foodEmergency).toBe(true);
    });
  });

  describe('conversation acts', () => {
    it.each([
      ['다시는 전화하지 마세요', 'optOut'],
      ['잘못 거셨어요. 그런 사람 없어요', 'wrongPerson'],
      ['이거 보이스피싱 아니에요?', 'scam'],
      ['네? 잘 안 들려요', 'repeat'],
      ['좀 천천히 말해 줘요', 'slower'],
      ['지금 운전 중이라서요, 이따가 다시 전화 주세요', 'callback'],
      ['됐어요, 그런 상담 필요 없어요', 'refuse'],
      ['죄송한데 애 데리러 가야 해서 끊을게요', 'hangUp'],
      ['문자에 온 번호랑 달라요', 'codeMismatch'],
    ] as const)('recognizes "%s" as %s', (utterance, act) => {
      expect(open(utterance)[act]).toBe(true);
    });

    it('reads a birth year said in Korean numbers', () => {
      expect(open('네 맞아요, 오십팔년생이에요').birthYear).toBe(1958);
      expect(open('1962년생입니다').birthYear).toBe(1962);
    });

    it('understands Gyeongsang and Jeolla yes', () => {
      expect(open('누꼬? 내 맞는데.').affirm).toBe(true);
      expect(open('야, 맞는디요.').affirm).toBe(true);
    });
  });
});
