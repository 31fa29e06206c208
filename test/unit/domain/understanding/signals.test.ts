import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const open = (utterance: string, botText = '요즘 생활은 좀 어떠세요?') =>
  analyzeUtterance(utterance, { expecting: 'NONE', botText });

describe('Function: analyzeUtterance (warning signs by kind)', () => {
  it.each([
    ['병원서 타 온 수면제, 요새는 안 먹고 장롱에 모아 두고 있어요', 'MEANS'],
    ['창고에 둔 제초제가 요새 자꾸 눈에 밟혀요', 'METHOD'],
    ['영감 있는 데로 얼른 갈 수 있으면 좋겠어', 'FOLLOW'],
    ['나 같은 늙은이 하나 사라지면 다들 편할 거요', 'BURDEN'],
    ['딸년한테 짐이나 되고 이게 사는 건가', 'BURDEN'],
    ['올해 설은 안 맞을 거예요. 날도 벌써 잡아 놨어요', 'PLAN'],
  ])('hears "%s" as %s', (utterance, kind) => {
    // Act
    const result = open(utterance);

    // Assess
    expect({ selfHarm: result.selfHarm, sign: result.selfHarmSign }).toEqual({ selfHarm: true, sign: kind });
  });

  it.each([
    '배고파 죽겠네 점심을 아직 못 했어',
    '더워 죽겄어 올여름은',
    '이자 내는 날만 되면 죽을 맛이여',
    '통장에 용돈 조금씩 모아 놨어요',
    '이사 날짜가 얼마 안 남았어요',
    '계약 끝나는 날이 얼마 안 남아서 걱정이에요',
    '약값 아끼려고 모아 두고 있어요',
  ])('does not flag "%s"', (utterance) => {
    expect(open(utterance).selfHarm).toBe(false);
  });

  it('takes "몰라요" to a politely negative self-harm question as a signal', () => {
    // Prepare
    const botText = '혹시 그 약으로 나쁜 생각을 하고 계신 건 아니세요?';

    // Act
    const result = open('…몰라요', botText);

    // Assess
    expect(result.selfHarm).toBe(true);
  });
});

describe('Function: analyzeUtterance (HIGH triggers and danger)', () => {
  it.each([
    ['큰 병원 가 보라는데 차비에 검사비에 엄두가 안 나서 못 가고 있어요', '비용 때문에 치료 못 받음'],
    ['다음 주에 제가 입원하는데 그동안 아들을 봐줄 사람이 없어요', '돌볼 사람 없는 피부양자'],
  ])('hears "%s" as %s', (utterance, signal) => {
    expect(open(utterance).high).toContain(signal);
  });

  it.each(['손주 숙제 봐줄 사람이 없어서 제가 끼고 가르쳐요', '기름값이 무서워서 보일러를 맘대로 못 돌려요'])(
    'hears no HIGH trigger in "%s"',
    (utterance) => {
      expect(open(utterance).high).toEqual([]);
    },
  );

  it('takes a collapse told as history for illness, not danger', () => {
    // Act
    const result = open('영감이 작년에 뇌경색으로 쓰러져서 요양병원에 있어요');

    // Assess
    expect(result.danger).toBeUndefined();
  });

  it('takes a collapse now for danger (119)', () => {
    expect(open('남편이 방금 쓰러졌어요 숨을 안 쉬어요').danger).toEqual({ hotline: '119' });
  });
});

describe('Function: analyzeUtterance — HIGH and danger told indirectly', () => {
  const ask = (text: string, botText: string) => analyzeUtterance(text, { expecting: 'NONE', botText });

  it('a bill that comes to little is no cut ("전기세도 얼마 안 나오고")', () => {
    const analysis = ask('에어컨 있어요. 전기세도 얼마 안 나오고', '집에 에어컨은 있으세요?');
    expect(analysis.high).toEqual([]);
    expect(analysis.crises).toEqual([]);
  });

  it('water off for days, told to the question about it, is a cut', () => {
    const analysis = ask('안 나온 지 한 열흘 됐나. 옆집서 떠다 줘요.', '혹시 지금 물은 잘 나오나요?');
    expect(analysis.high).toContain('공과금 단절');
    expect(analysis.crises).toContain('UTILITIES');
  });

  it('"손이 올라와요" of a husband is violence (112)', () => {
    expect(ask('남편이 술 마시면 손이 올라와요', '집에서 불안한 일은 없으세요?').danger).toEqual({
      hotline: '112',
    });
  });

  it('a check left undone because it costs too much is treatment refrained from for cost', () => {
    const analysis = ask('혹이 만져진 지 석 달인데 검사비가 비싸서 그냥 뒀어요', '건강은 어떠세요?');
    expect(analysis.high).toContain('비용 때문에 치료 못 받음');
  });

  it('not knowing where to live when the lease ends is a housing loss', () => {
    const analysis = ask('전세 만기가 다음 달인데 어디로 가야 할지 몰라요', '주거는 어떠세요?');
    expect(analysis.high).toContain('퇴거 위기');
    expect(analysis.crises).toContain('HOUSING');
  });
});
