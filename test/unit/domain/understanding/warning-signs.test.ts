import { describe, expect, it } from 'vitest';
import { summarizeWithRules } from '../../../../functions/domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

/**
 * Suicide-prevention gatekeeper warning signs (보건복지부·한국생명존중희망재단 '보고 듣고 말하기'):
 * verbal, behavioural and situational, heard by meaning in standard speech, dialect and STT spacing.
 */
const open = (utterance: string, botText = '요즘 마음은 좀 어떠세요?') =>
  analyzeUtterance(utterance, { expecting: 'NONE', botText });

const call = (...lines: string[]): Transcript => ({
  contactId: 'ws-1',
  locale: 'ko-KR',
  turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? 'bot' : 'resident', text })),
});

describe('Function: analyzeUtterance (gatekeeper warning signs)', () => {
  describe('언어적 신호: passive wish not to wake up', () => {
    it.each([
      '아침에 눈을 안 떴으면 좋겠다 싶을 때가 많아요',
      '그냥 내일 아침이 안 왔으면 해요',
      '자 다 가 고마 안 깨났으믄 좋겠다',
      '눈 감으면 그대로 끝이었으면 싶어요',
      '하느님은 왜 날 안 데려가시는지 몰라',
      '잠들었다가 영영 안 일어났으면 좋겄어',
      '그냥 이대로 자다가 조용히 갔으면 좋겠어',
      '아침에 눈 뜨는 게 지옥 같아요',
    ])('hears "%s"', (utterance) => {
      const result = open(utterance);
      expect(result.selfHarm).toBe(true);
      expect(result.crises).toContain('MENTAL_HEALTH');
    });
  });

  describe('언어적 신호: wanting to follow the dead', () => {
    it.each([
      '먼저 간 우리 영감한테 가고 싶어',
      '하늘나라 간 딸 옆으로 가면 좋겠어요',
      '남편 있는 데로 나도 가야지 싶어요',
      '아들 곁에 가고 싶다는 생각 뿐이에요',
      '할멈 간 데 따라 가삘라꼬',
    ])('hears "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(true);
    });
  });

  describe('언어적 신호: being a burden', () => {
    it.each([
      '나만 없으면 우리 애들 고생 안 하지',
      '자식들한테 짐만 돼요',
      '나는 있어 봤자 짐밖에 안 돼',
      '내가 없어야 애들이 살지',
      '살아 있는 게 민폐지 뭐',
      '나 같은 건 없어져 부러야 써',
      '우리 애들한테 나는 짐이여',
    ])('hears "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(true);
    });
  });

  describe('언어적 신호: no tomorrow, no point living', () => {
    it.each([
      '저한테는 내일이 없어요',
      '더 살아 무슨 소용이 있겠어요',
      '이래 살아가 뭐 할라꼬',
      '살믄 뭐 한당가',
      '앞으로 살 날이 무슨 의미가 있나 싶어요',
    ])('hears "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(true);
    });
  });

  describe('언어적 신호: own death spoken of as planned, methods asked', () => {
    it.each([
      '날을 정해 놨어요',
      '그날이 오면 다 끝나니까 괜히 신경 쓰지 마세요',
      '다음 생일은 없을 거예요',
      '애들한테 마지막으로 전화 한 통 했어요',
      '약을 몇 알 먹으면 안 깨어나요?',
      '안 아프게 가는 방법 없을까요',
    ])('hears "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(true);
    });
  });

  describe('행동적 신호: affairs in order, things given away, goodbyes', () => {
    it.each([
      '통장이랑 도장은 다 동생한테 맡겨 놨어요, 이제 정리 다 했어요',
      '아끼던 시계도 조카한테 줘 버렸어',
      '이제 나는 쓸 일이 없응께 물건 다 나눠 줘 부렀어',
      '애들한테 하고 싶은 말은 다 적어 놨어요',
      '보험 수익자를 애들 앞으로 다 바꿔 놨어요',
    ])('flags "%s" for review', (utterance) => {
      const result = open(utterance);
      expect(result.selfHarm).toBe(true);
      expect(result.selfHarmReview).toBe(true);
    });
  });

  describe('행동적 신호: means, dangerous places, self-injury, refusal of food or medicine', () => {
    it.each([
      ['지금 한강 다리 위에 혼자 서 있어요', true],
      ['옥상에 올라와 있어요. 바람이 많이 부네요', true],
      ['새벽에 혼자 바다에 나와 있어요', true],
      ['철길 옆에 한참 서 있다가 왔어요', true],
      ['한강 가서 다 끝낼라고요', false],
      ['손목을 칼로 그었어요', false],
      ['요즘도 팔에 상처를 내요', false],
      ['약을 일부러 안 먹고 있어요', true],
      ['곡기를 끊었어', true],
      ['번개탄이랑 청테이프 사다 놨어요', false],
      ['노끈을 사다가 방에 숨겨 놨어요', true],
      ['수면제 한 통 사다 놨어요', true],
      ['지금 마포대교 위예요', true],
      ['커터칼로 손목 그은 적 있어요', false],
      ['투석 이제 안 받을라고 일부러 안 갔어요', true],
    ] as const)('hears "%s" (review: %s)', (utterance, review) => {
      const result = open(utterance);
      expect(result.selfHarm).toBe(true);
      expect(result.selfHarmReview ?? false).toBe(review);
    });
  });

  describe('상황적 신호 alone are not self-harm', () => {
    it.each([
      '회사에서 잘리고 이혼까지 했어요',
      '빚이 삼천이라 독촉 전화가 하루에 열 통은 와요',
      '작년에 아들을 사고로 잃었어요',
      '남편이 암 진단을 받고 나서 우리 집이 다 무너졌어요',
      '희망이 없어 보여요, 일자리가 안 구해지니까',
    ])('does not flag "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(false);
    });
  });

  describe('false positives kept out', () => {
    it.each([
      '허리가 아파 죽을 맛이에요',
      '계단에서 미끄러져서 죽는 줄 알았어요',
      '죽기 전에 손주 장가가는 건 보고 싶어',
      '혼자 죽으면 아무도 모를까 봐 그게 겁나요',
      '남편은 삼 년 전에 먼저 갔어요',
      '아들 하늘나라 보내고 혼자 살아요',
      '다리가 아파서 옥상 텃밭에도 못 올라가요',
      '다리가 퉁퉁 부어서 서 있기가 힘들어요',
      '우리 영감은 배 타고 바다에 나가 있어요, 고기 잡으러',
      '옥상에 빨래 널러 올라와 있어요',
      '철로 공사 현장에 일하러 나와 있어요',
      '한강 공원 가서 자전거 타는 게 낙이에요',
      '그런 생각은 안 해요',
      '죽고 싶다 그런 생각은 해 본 적 없어요',
      '마지막으로 통화한 게 작년 추석이에요',
      '이사 날 잡아 놨어요',
      '수술 날짜 정해 놨어요',
      '내일은 시간이 없어요',
      '약값이 없어서 약을 끊었어요',
      '입맛이 없어서 밥을 잘 안 먹어요',
      '애들 옷이 작아져서 이웃에 다 나눠 줬어요',
      '짐 정리는 다 했어요, 다음 주에 이사 가요',
      '택배 보낼라고 노끈 사 왔어요',
      '애들한테 짐 되기 싫어서 요양원 알아보고 있어요',
      '어머니 산소에 가고 싶어요',
      '혼자 살아서 뭐 해 먹기가 귀찮아요',
      '네 저는 잘 있어요',
      '약값 모으느라 힘들어요',
      '이사 가기 전에 짐 정리해야 돼요',
      '저는 짐이 많아서 이사가 힘들어요',
      '병원에서 수면제를 한 통 받아 왔어요',
      '여기 바다예요, 물질하러 왔어요',
      '우리 집은 옥상이에요',
      '그 사람 자다가 갔어요',
      '여름이 빨리 갔으면 좋겠어요',
      '애기가 좀 안 깼으면 좋겠어요',
      '아들이 데려가 주면 좋겠어요 병원까지',
      '자는 듯이 가신 게 복이지',
      '여행 가서 바다 보니까 좋더라고요',
    ])('does not flag "%s"', (utterance) => {
      expect(open(utterance).selfHarm).toBe(false);
    });
  });
});

describe('Function: summarizeWithRules (warning signs across turns)', () => {
  it('treats sudden calm after despair as a warning sign for review', () => {
    // Prepare
    const transcript = call(
      '요즘 마음은 좀 어떠세요?',
      '너무 괴롭고 절망적이었어요. 빚 때문에 밤에 한숨도 못 잤어요.',
      '많이 힘드셨겠어요. 지금은 어떠세요?',
      '이제는 괜찮아요. 마음 정했어요. 오히려 홀가분해요.',
      '말씀 감사합니다. 담당 공무원이 연락드릴게요.',
    );

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary.riskFlags.selfHarm).toBe(true);
    expect(summary.urgency).toBe('EMERGENCY');
    expect(summary.needsReview).toBe(true);
  });

  it('does not read relief after help as sudden calm when no despair came first', () => {
    // Prepare
    const transcript = call(
      '요즘 생활은 좀 어떠세요?',
      '월세가 두 달 밀렸어요.',
      '주거급여 신청을 도와드릴 수 있어요.',
      '아 그러면 마음이 좀 편해요. 홀가분하네요.',
      '담당 공무원이 연락드릴게요.',
    );

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary.riskFlags.selfHarm).toBe(false);
    expect(summary.urgency).toBe('MEDIUM');
  });

  it('keeps situational crises without any verbal or behavioural sign out of self-harm', () => {
    // Prepare
    const transcript = call(
      '요즘 생활은 좀 어떠세요?',
      '작년에 남편 보내고 가게도 접었어요. 빚 독촉도 오고요.',
      '혹시 스스로를 해치고 싶다는 생각이 드신 적이 있으세요?',
      '아니요, 그런 생각은 안 해요. 애들 보고 살아야지요.',
      '네, 담당 공무원이 방문드릴게요.',
    );

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary.riskFlags.selfHarm).toBe(false);
    expect(summary.crisisTypes).toEqual(expect.arrayContaining(['EMPLOYMENT', 'DEBT']));
    expect(summary.urgency).not.toBe('EMERGENCY');
  });

  it('names the warning-sign category in the evidence', () => {
    // Prepare
    const transcript = call('요즘 마음은 좀 어떠세요?', '자식들한테 짐만 되는 것 같아요.', '네.');

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary.riskFlags.selfHarm).toBe(true);
    expect(summary.evidence[0]?.claim).toContain('짐이 된다');
  });
});
