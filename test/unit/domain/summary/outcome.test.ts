import { describe, expect, it } from 'vitest';
import { summarizeWithRules } from '../../../../functions/domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';

const t = (...lines: string[]): Transcript => ({
  contactId: 'o',
  locale: 'ko-KR',
  turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? 'bot' : 'resident', text })),
});

const HELLO = '안녕하세요. 한빛군청 복지과 AI 상담원입니다. 오순례 님 맞으세요?';
const HOW = '생활에 어려운 점은 없으신지 여쭤보려고요. 요즘 어떠세요?';

describe('Function: summarizeWithRules (how a call ends)', () => {
  it('a yes to the read-back of the needs is COMPLETED', () => {
    // Prepare
    const transcript = t(
      HELLO,
      '야 그려유.',
      HOW,
      '연금 이십만 원 갖고는 택도 읎어유.',
      '정리하면, 연금만으로는 생활비가 많이 모자라신다는 말씀이시죠?',
      '야 그류.',
    );

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary).toMatchObject({ outcome: 'COMPLETED', crisisTypes: ['INCOME'] });
  });

  it('a bot left calling "여보세요?" into the line is PARTIAL', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '허리가 아파 죽겄어요. 병원비도 없고…', '어르신? 여보세요? 들리세요?'),
    );
    expect(summary.outcome).toBe('PARTIAL');
  });

  it('an early "됐슈" followed by answers without declining again is not REFUSED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아유 됐슈, 이런 전화 안 해도 돼유.',
        '잠깐만 여쭐게요. 식사는 어떻게 하세요?',
        '쌀이 다 떨어져 가서 하루 한 끼로 버텨유.',
        '많이 힘드시겠어요. 담당자가 쌀을 가지고 찾아뵐게요.',
        '그류, 고마워유.',
      ),
    );
    expect(summary.outcome).toBe('COMPLETED');
  });

  it('refusing from the start and again at the end is REFUSED even with a need told', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '나는 그런 상담 안 혀유.',
        '잠깐만요. 요즘 건강은 어떠세요?',
        '무릎이 다 나가서 걷도 못혀유. 그래도 안 한다니께.',
        '알겠습니다. 필요하시면 군청으로 연락 주세요.',
        '됐슈, 끊어유.',
      ),
    );
    expect(summary.outcome).toBe('REFUSED');
  });

  it('a time given when the bot asks when to talk is CALLBACK_REQUESTED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '지금 장에 나와 있어서유.',
        '그러시군요. 언제 통화가 편하세요?',
        '저녁 일곱 시 넘어서 해 줘유.',
        '네, 오늘 저녁 일곱 시 넘어서 다시 연락드리겠습니다.',
        '야 그려유.',
      ),
    );
    expect(summary.outcome).toBe('CALLBACK_REQUESTED');
  });

  it('a business answering is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예? 여긴 철물점인디요.', '오순례 님 번호로 등록돼 있어서요.', '번호가 잘못 들어갔나 봐요.'),
    );
    expect(summary.outcome).toBe('WRONG_NUMBER');
  });

  it('"뭐 하러 와요, 전화나 가끔 해 줘요" prefers a call, not a visit', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '말할 사람도 없고 며칠씩 입 한 번 안 떼고 지내요.',
        '찾아뵐까요, 전화가 좋으세요?',
        '길도 먼데 뭐 하러 와요. 전화나 가끔 해 줘요.',
      ),
    );
    expect(summary).toMatchObject({ crisisTypes: ['ISOLATION'], followUp: 'PHONE_FOLLOWUP' });
  });
});

describe('Function: summarizeWithRules (endings told in other words)', () => {
  it('busy now, after answering and asking for no other time, is PARTIAL, not a callback', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 맞는데요.',
        HOW,
        '혼자 살면서 회사 잘 다니고 있어요, 별 문제 없어요',
        '다행입니다. 혹시 건강 쪽으로 걱정되시는 건 없으세요?',
        '없어요. 아 지금 회의 들어가야 돼서 끊을게요.',
      ),
    );
    expect(summary.outcome).toBe('PARTIAL');
  });

  it('busy now with a time to call again is CALLBACK_REQUESTED, also in Jeju speech', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예 게난 마씀.', HOW, '지금 바빠 마씀 저녁 여덟 시쯤 다시 해 줍서.'),
    );
    expect(summary.outcome).toBe('CALLBACK_REQUESTED');
  });

  it('a relative who named themselves, then says the person is in a nursing home, is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '저는 며느린데요, 어머님 찾으세요?',
        '네, 오순례 님과 통화할 수 있을까요?',
        '어머님 올봄에 요양원 들어가셨어요. 이 전화는 제가 쓰고 있어요.',
      ),
    );
    expect(summary.outcome).toBe('WRONG_NUMBER');
  });

  it('declining the help in dialect after telling the need is REFUSED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '그려 나여.',
        HOW,
        '집주인이 이달 말까지 나가라는디 갈 데가 없어.',
        '주거 지원을 알아봐 드릴까요?',
        '됐다니께 동정받는 거 싫여 끊어.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'HIGH', followUp: 'HOME_VISIT' });
  });

  it('"not eligible, help others" declines the consultation', () => {
    const summary = summarizeWithRules(
      t(HELLO, '저희는 그런 지원 대상 아닐 텐데요. 다른 데 필요한 분들 챙겨 주세요. 끊을게요.'),
    );
    expect(summary.outcome).toBe('REFUSED');
  });

  it('"전화로나 좀 알려줘요" with no crisis asks for a phone follow-up', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '나는 괜찮아요. 혜택 같은 거 있으면 전화로나 좀 알려줘요.',
        '네, 전화로 안내드릴게요.',
        '그래요.',
      ),
    );
    expect(summary).toMatchObject({ urgency: 'LOW', followUp: 'PHONE_FOLLOWUP' });
  });
});

describe('Function: summarizeWithRules (circumstances told across turns)', () => {
  it('"따뜻하긴 뭐가 따뜻해요" denies the comfort: the cold with a sick small child is an emergency', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        '날이 추운데 집은 따뜻하세요?',
        '따뜻하긴 뭐가 따뜻해요 보일러 기름이 그저께 떨어져서 방이 냉골이에요',
        '함께 사시는 분이 있으세요?',
        '네 살 손자가 있는데 어제부터 열이 펄펄 나요',
      ),
    );
    expect(summary.urgency).toBe('EMERGENCY');
    expect(summary.crisisTypes).toContain('UTILITIES');
  });

  it('a biopsy skipped, "돈이 있어야 가지", is treatment left undone for cost (HIGH)', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        '건강은 어떠세요?',
        '큰 병원 가서 검사해 보라는디 안 갔어요',
        '큰 병원 검사를 아직 못 받으셨군요. 어떤 사정이 있으셨어요?',
        '돈이 있어야 가지요',
      ),
    );
    expect(summary.urgency).toBe('HIGH');
  });

  it('a carer going into hospital with nowhere to leave the grandchild is HIGH with CARE', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '다음 주에 수술로 입원해야 하는데 손주를 맡길 데가 한 군데도 없어요'),
    );
    expect(summary.urgency).toBe('HIGH');
    expect(summary.crisisTypes).toContain('CARE');
  });

  it('a Jeju wish not to wake ("자당 안 깨어나시믄 좋으켜") is self-harm', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예 나우다.', '마음은 좀 어떠세요?', '밤마다 그냥 자당 안 깨어나시믄 좋으켜 허멍 누워마씀'),
    );
    expect(summary.riskFlags.selfHarm).toBe(true);
    expect(summary.urgency).toBe('EMERGENCY');
  });

  it('diabetes with the sugar kept in check is no health problem', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', '건강은 어떠세요?', '당뇨가 있는데, 약 잘 먹고 수치도 잘 잡혀 있어요'),
    );
    expect(summary.crisisTypes).toEqual([]);
  });
});

describe('Function: summarizeWithRules (callbacks with a need told, and other endings of round h9)', () => {
  it('a callback agreed, a need told "for later", the bot confirming the time: CALLBACK_REQUESTED with the need', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 근데 지금 일하는 중이에요',
        '바쁘신데 죄송합니다. 편하신 때 다시 전화드릴까요?',
        '내일 저녁 여덟 시에 해 주세요',
        '네, 내일 저녁 여덟 시에 다시 연락드리겠습니다. 혹시 그 전에 급한 일은 없으세요?',
        '급하긴 급하죠 집주인이 이달 말까지 방 빼라고 했어요 그 얘기는 내일 해요',
        '알겠습니다. 내일 저녁 통화 때 자세히 여쭙겠습니다.',
        '네',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'CALLBACK_REQUESTED', urgency: 'HIGH', followUp: 'HOME_VISIT' });
  });

  it('an evening time asked after a full consultation and its read-back is the follow-up, not a callback', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 저예요',
        HOW,
        '저 혼자 식당 다니는데 월급 백 오십으로 네 식구 살아요 학원비가 모자라요',
        '빠듯하시겠어요. 가족분들 건강은 어떠세요?',
        '남편 당뇨가 오래돼서 요즘 눈이 잘 안 보인대요',
        '생계 지원을 안내드리려고 하는데, 전화로 다시 연락드려도 괜찮으실까요?',
        '네 전화 좋아요 저녁 여덟 시 넘어서 해 주세요',
        '네, 저녁 여덟 시 이후에 전화드리겠습니다. 정리하면, 생활비와 남편분 건강이 걱정이라고 하셨습니다.',
        '네 감사합니다',
      ),
    );
    expect(summary.outcome).toBe('COMPLETED');
    expect(summary.crisisTypes).toEqual(expect.arrayContaining(['INCOME', 'HEALTH']));
  });

  it('a birth year that does not match and "그런 분 몰라요" is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 오순례 맞는데요',
        '본인 확인을 위해 태어나신 해를 여쭤봐도 될까요?',
        '구십 오년생이요',
        '저희 기록과 출생 연도가 달라서요. 혹시 오십 년대생 오순례 님을 아시나요?',
        '아뇨 그런 분 몰라요',
      ),
    );
    expect(summary.outcome).toBe('WRONG_NUMBER');
  });

  it('the phone going dead after telling a need is PARTIAL', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '고시원비 두 달 못 내서 이번 주에 짐 빼래요',
        '많이 걱정되시겠어요. 지금 어디 계세요?',
        '아 이거 꺼진다',
      ),
    );
    expect(summary.outcome).toBe('PARTIAL');
  });

  it('"허리 아파서 병원 다니는 거 말고는 없어요, 끊으소" refuses but tells HEALTH', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '필요 없심더 이런 거 다 사기 아인교',
        '잠깐만요. 불편하신 데만 여쭤볼게요.',
        '허리 아파가 병원 댕기는 거 말고는 없니더 끊으소',
      ),
    );
    expect(summary.outcome).toBe('REFUSED');
    expect(summary.crisisTypes).toContain('HEALTH');
  });

  it('a phone bill three months behind, then scam suspicion and a hang-up, is PARTIAL with DEBT', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예 그런디',
        HOW,
        '핸드폰 요금이 석 달 밀렸다고 문자 왔어요 그거 말고는 뭐',
        '휴대폰 요금이 밀려 있으시군요. 생활비는 어떻게 하세요?',
        '근데 이거 진짜 구청 맞나? 안 할란다 끊는다',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'PARTIAL', crisisTypes: ['DEBT'] });
  });
});

describe('Function: summarizeWithRules (types and HIGH of round h9)', () => {
  it("a flooded flat that cannot be lived in, sleeping at a friend's, is housing loss (HIGH)", () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '반지하가 침수돼서 벽이 다 곰팡이라 못 살아요 지금 친구 집에서 자요'),
    );
    expect(summary.urgency).toBe('HIGH');
    expect(summary.crisisTypes).toContain('HOUSING');
  });

  it("a son's job loss in another city is not the household's", () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '나는 연금 나오고 괜찮아 근데 우리 아들이 문제여 부산 사는디 회사 짤리고 빚까지 졌다는디',
      ),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('"일이 자꾸 밀려요" is work piling up, not interest owed', () => {
    const summary = summarizeWithRules(t(HELLO, '예.', HOW, '집에서 번역 일 하는데 일이 자꾸 밀려요'));
    expect(summary.crisisTypes).not.toContain('DEBT');
  });

  it('a chicken shop closed is EMPLOYMENT', () => {
    const summary = summarizeWithRules(t(HELLO, '예.', HOW, '남편이 하던 치킨 집을 작년에 접었어요'));
    expect(summary.crisisTypes).toContain('EMPLOYMENT');
  });
});

describe('Function: summarizeWithRules (round h10)', () => {
  it('papers mailed to a brother "so nobody has to bother", then a dodged question, is self-harm', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        '요즘 잠이나 기분은 어떠세요?',
        '잠은 안 오지예. 요새 정리 쫌 하고 있심더. 통장이랑 도장이랑 동생한테 부쳤고, 인자 아무도 신경 쓸 거 없도록',
        '혹시 스스로를 해치거나 삶을 끝내려는 생각을 하고 계신가요?',
        '그냥 정리하는 깁니더. 그 얘기는 고마 하입시더',
      ),
    );
    expect(summary.riskFlags.selfHarm).toBe(true);
    expect(summary.urgency).toBe('EMERGENCY');
  });

  it('arrears and premiums "다 정리했어요" are paid, not affairs put in order', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '밀린 건 지난달에 다 냈어예. 보험료도 같이 다 정리했고예'),
    );
    expect(summary.riskFlags.selfHarm).toBe(false);
    expect(summary.urgency).toBe('LOW');
  });

  it('a lunch skipped while planting, "배고파 죽겄네", is no hunger', () => {
    const summary = summarizeWithRules(t(HELLO, '예.', HOW, '점심도 못 묵고 모 심다 왔더니 배고파 죽겄네'));
    expect(summary.crisisTypes).toEqual([]);
  });

  it('lying in bed all weekend from low mood is MENTAL_HEALTH, not immobility', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        '요즘 마음은 어떠세요?',
        '계속 가라앉아 있어요. 주말엔 하루 종일 누워만 있어요 혼자라서',
      ),
    );
    expect(summary.urgency).not.toBe('EMERGENCY');
    expect(summary.crisisTypes).toContain('MENTAL_HEALTH');
    expect(summary.crisisTypes).not.toContain('CARE');
  });

  it('a personal assistant who still comes, for fewer hours, is no "immobile with nobody"', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '활동 지원사 선생님이 오시는데 시간이 줄어서 저녁에는 혼자 화장실도 못 가요'),
    );
    expect(summary.urgency).not.toBe('EMERGENCY');
    expect(summary.crisisTypes).toContain('CARE');
  });

  it('a carer who does not come leaves the immobile person alone: EMERGENCY', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '요양보호사도 안 오고 아들도 안 와서 사흘째 침대에서 못 내려왔어요'),
    );
    expect(summary.urgency).toBe('EMERGENCY');
  });

  it('a factory wound up ("공장 정리되고") is EMPLOYMENT', () => {
    const summary = summarizeWithRules(t(HELLO, '예.', HOW, '작년에 공장 정리되고 나서는 일 안 해요'));
    expect(summary.crisisTypes).toContain('EMPLOYMENT');
  });
});

describe('Function: summarizeWithRules (round h11)', () => {
  it('"마 됐다", then a plan told over two answers, then "끊는다" is PARTIAL and an emergency', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '마 됐다. 인자 다 필요 없다.',
        '무슨 일이 있으셨는지 여쭤봐도 될까요?',
        '빚이 일억이 넘는데 갚을 길이 없고. 내일 아침에 방파제 끝에 가서 다 끝낼라꼬.',
        '스스로 목숨을 끊으실 생각을 하고 계신 거죠? 지금 어디 계세요?',
        '집이다. 걱정 마라, 오늘은 안 간다.',
        '오늘 담당 복지사가 바로 찾아뵐게요. 109로도 언제든 연락하세요.',
        '됐다 마. 끊는다.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'PARTIAL', urgency: 'EMERGENCY', followUp: 'IMMEDIATE_VISIT' });
    expect(summary.riskFlags.selfHarm).toBe(true);
  });

  it('the same with an opt-out at the end stays REFUSED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아니 괜찮아요 그런 거 안 해도 돼요',
        '혹시 지금 통화하기 곤란하신가요?',
        '남편이 술 먹고 때려서 팔에 멍이 아직 안 빠졌어요',
        '많이 무서우셨겠어요. 담당자가 찾아가도 될까요?',
        '하지 마세요 더 맞아요 그냥 저수지 둑에 몇 번 가 봤어요',
        '혹시 스스로를 해치고 싶은 마음이 드시나요?',
        '됐어요 끊을게요 전화하지 마세요',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'EMERGENCY' });
  });

  it('"필요 없어라" to the bot\'s question about further contact completes the call', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예 칠십구 년생인디 뭔 일이다요?',
        '건강보험료 체납 정보가 있어서 연락드렸어요. 잠깐 괜찮으세요?',
        '아 그거 지난주에 한꺼번에 다 냈어라.',
        '그러셨군요. 혹시 다른 어려움은 없으세요?',
        '미용실 허는디 손님 많아서 바쁘제. 집도 괜찮고 애들도 건강하고.',
        '확인 감사합니다. 따로 후속 연락은 필요 없으실까요?',
        '필요 없어라. 수고허씨요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'COMPLETED', urgency: 'LOW', followUp: 'NONE' });
  });

  it('no income told, then scam suspicion and "제가 직접 주민센터 갈게요" is PARTIAL, HIGH', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '칠십팔 년인데요. 왜요?',
        '생활이 어려우신 가구에 지원을 안내해 드리려고 연락드렸어요. 요즘 생활은 어떠세요?',
        '남편이 집 나간 지 넉 달째고 지금 들어오는 돈이 하나도 없어요.',
        '수입이 전혀 없으시군요. 식사나 집세는 어떠세요?',
        '근데 이거 진짜 구청 맞아요? 요새 이런 전화로 통장 번호 물어본다던데.',
        '저는 계좌번호는 절대 여쭤보지 않아요.',
        '됐어요, 제가 나중에 주민 센터 직접 갈게요.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'PARTIAL', urgency: 'HIGH' });
  });

  it('"그래요 물어봐" to a request for consent carries no problem, and a rent arrear paid back names none', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '그래요 물어봐.',
        '월세 체납 정보가 있어 생활이 괜찮으신지 여쭤보려고 연락드렸어요.',
        '아 그거요. 두 달 밀렸었는데 지난달에 취업해서 첫 월급으로 다 갚았어요.',
      ),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('fallen since yesterday, "일어나질 못 허구", alone: immobile with nobody, EMERGENCY', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '야 맞어유.',
        HOW,
        '어제 저녁에 화장실서 자빠져 가지구 일어나질 못 허구 있어유. 혼자 살어유. 아무도 안 와유.',
      ),
    );
    expect(summary.urgency).toBe('EMERGENCY');
  });

  it("a daughter in Busan who lost her job is not the household's; a son in another region out of touch is isolation", () => {
    const other = summarizeWithRules(
      t(HELLO, '예.', HOW, '우리는 괜찮어유. 근데 부산 사는 딸이 회사서 잘렸다구 해서 걱정이유.'),
    );
    expect(other.crisisTypes).toEqual([]);
    const alone = summarizeWithRules(
      t(HELLO, '예.', HOW, '육지 사는 아들은 연락 끊긴 지 오래우다. 혼자 살암수다.'),
    );
    expect(alone.crisisTypes).toContain('ISOLATION');
  });
});

describe('Function: summarizeWithRules (round h12)', () => {
  it("a daughter's arrears guessed at ('힘든가 봐요') are not the household's", () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '우리는 다 자동이체로 잘 나가요. 걱정은 우리 딸이에요. 광주에서 혼자 애 키우는데 월세도 밀리고 많이 힘든가 봐요.',
      ),
    );
    expect(summary).toMatchObject({ urgency: 'LOW', crisisTypes: [] });
  });

  it('"도움받을 일 없어요", "신세 질 일 없응께" are no job lost', () => {
    const one = summarizeWithRules(t(HELLO, '우리 집은 도움받을 일 없어요. 끊을게요.'));
    const two = summarizeWithRules(t(HELLO, '나 나라 신세 질 일 없응께 딴 데나 알아보씨요.'));
    expect(one.crisisTypes).toEqual([]);
    expect(two.crisisTypes).toEqual([]);
  });

  it('the tenant who moved out, told by the former landlord when asked after, is WRONG_NUMBER without housing loss', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '누구요? 나는 집주인인디',
        '혹시 오순례 님과 연락이 닿으실까요?',
        '작년 가을에 이사 나갔슈. 짐 다 빼고 깨끗하게 나갔슈.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'WRONG_NUMBER', urgency: 'LOW', crisisTypes: [] });
  });

  it('"밭에 나가야 돼서 끊어요" is leaving for the field, not leaving home', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '관리비 석 달 밀렸어요. 나 밭에 나가야 돼서 끊어요.'),
    );
    expect(summary.urgency).toBe('MEDIUM');
  });

  it('a husband who falls and cannot speak mid-call is an emergency', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네.',
        HOW,
        '남편 요즘 머리 아프다 계속.. 여보! 잠깐만요, 남편 넘어졌어요, 말 안 해요, 입이 이상해요!',
      ),
    );
    expect(summary.urgency).toBe('EMERGENCY');
  });

  it('"외로블 새가 어딨노" has no time to be lonely', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '외로블 새가 어딨노. 경로당 할매들하고 화투 치느라 바빠 죽겠다 아이가.'),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('"밤 아홉 시 넘어 가게 닫고 하이소" is a callback, and the shop shut for the night is no closure', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예 맞는데예, 지금 손님이 있어가.',
        '바쁘실 때 죄송합니다. 언제 다시 전화드리면 될까요?',
        '밤 아홉 시 넘어 가게 닫고 하이소.',
        '네, 오늘 밤 아홉 시 이후에 다시 연락드리겠습니다.',
        '예.',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'CALLBACK_REQUESTED', crisisTypes: [] });
  });

  it('a mother who cannot move, left alone for work, is immobile with nobody (EMERGENCY) and CARE', () => {
    const summary = summarizeWithRules(t(HELLO, '예.', HOW, '거동 못 하는 어머니 혼자 두고 일 나가야 돼요.'));
    expect(summary.urgency).toBe('EMERGENCY');
    expect(summary.crisisTypes).toContain('CARE');
  });
});

describe('Function: summarizeWithRules (round h13)', () => {
  it.each([
    '당뇨가 있긴 한데 약 먹고 수치 잘 나와요',
    '혈압이 쪼매 높은데 약 묵으이 정상이라 카더라',
    '당뇨 있는디 약 먹으멍 관리 잘 햄수다',
  ])('a chronic illness kept in check is no health problem: "%s"', (line) => {
    expect(summarizeWithRules(t(HELLO, '예.', '건강은 어떠세요?', line)).crisisTypes).toEqual([]);
  });

  it("a brother's job loss told as hearsay, two clauses after he is named, is not the household's", () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '우리는 괜찮아예. 그보다 우리 남동생이 걱정이지예. 대구 사는데 회사 잘리고 빚이 많다 카더라꼬예.',
      ),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('a son in Seoul who hardly comes, and a day without a word, is isolation', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '삼 년째 혼자다. 아들은 서울 있는데 명절에도 잘 안 온다. 하루 종일 말 한마디 안 할 때가 많다',
      ),
    );
    expect(summary.crisisTypes).toContain('ISOLATION');
  });

  it('hardship in a time gone by is no current need', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '그때는 묵고 살기 힘들었지. 지금은 연금 나오고 집사람이랑 둘이 살기 딱 좋다'),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('diving given up at seventy is retirement, not a job lost', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '물질은 칠십 넘으멍 그만뒀고, 이제는 귤밭 쪼끔 허멍 살아마씸'),
    );
    expect(summary.crisisTypes).toEqual([]);
  });

  it('"우울하고 그런 건 없어예" denies low mood', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', '마음은 어떠세요?', '저는 괜찮아예. 우울하고 그런 건 없어예'),
    );
    expect(summary.crisisTypes).not.toContain('MENTAL_HEALTH');
  });

  it('low mood with the curtains drawn all day is no immobility', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        '마음은 어떠세요?',
        '몇 달째 우울해요. 새벽까지 잠이 안 오고, 하루 종일 커튼 치고 누워만 있어요',
      ),
    );
    expect(summary.urgency).not.toBe('EMERGENCY');
    expect(summary.crisisTypes).toEqual(['MENTAL_HEALTH']);
  });
});

describe('Function: summarizeWithRules (endings of round h13)', () => {
  it('"이 폰 작년에 싸게 샀어요" to whether they know who had the number is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네? 누구요? 몰라요.',
        '혹시 이 번호를 전에 쓰던 분을 아세요?',
        '몰라요. 이 폰 싸게 샀어요 작년에. 저 지금 공장 일해요',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'WRONG_NUMBER', crisisTypes: [] });
  });

  it('a farewell, a dodged question and "오지 마세요" is a REFUSED emergency', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '네 근데 무슨 일이세요',
        '생활에 어려움이 없으신지 여쭤보려고요. 잠깐 이야기 나눠도 괜찮으실까요?',
        '아니요 됐어요. 어차피 저 이번 주 지나면 없을 사람이에요. 정리 다 해놨어요',
        '혹시 스스로 목숨을 끊을 생각을 하고 계신 건가요?',
        '그런 거 묻지 마세요. 더 할 얘기 없어요',
        '오늘 담당 복지사가 찾아뵙겠습니다. 109번으로 언제든 전화 주세요.',
        '...오지 마세요',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'REFUSED', urgency: 'EMERGENCY' });
  });

  it('"방문은 오지 마세요, 전화로 해 주세요" chooses a call, it declines nothing', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '월세가 두 달 밀렸어요',
        '앞으로 어떻게 연락드리면 좋을까요?',
        '방문은 오지 마세요, 전화로 해 주세요',
      ),
    );
    expect(summary.outcome).toBe('COMPLETED');
  });

  it('a resident trailing off while answering ("일 구...") was cut off: PARTIAL', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '어제 화장실서 미끄러져서 못 일어나겄어. 혼자 살어',
        '지금 바로 119를 요청하겠습니다. 현관문은 잠겨 있으세요?',
        '잠겨 있지.. 문 비밀번호가 그 뭐더라 일 구...',
      ),
    );
    expect(summary).toMatchObject({ outcome: 'PARTIAL', urgency: 'EMERGENCY' });
  });
});
