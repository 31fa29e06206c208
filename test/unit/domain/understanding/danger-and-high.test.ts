import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';
import { predictUtterance } from '../../../../local/eval/utterances.ts';

const ask = (text: string, botText = '요즘 생활은 좀 어떠세요?') =>
  analyzeUtterance(text, { expecting: 'NONE', botText });

describe('Function: analyzeUtterance — an acute illness told now is a danger (119) and a health crisis', () => {
  it.each([
    ['a seizure with fever', '애가 열이 펄펄 나더니 경기를 해요'],
    ['blue lips', '할아버지 입술이 새파래졌어요'],
    ['unresponsive', '엄마가 깨워도 안 일어나세요'],
    ['bleeding that will not stop', '손을 베였는데 피가 계속 나요 안 멈춰요'],
    ['vomiting blood', '아까 피를 잔뜩 토했어요'],
    ['a stroke: one side of the face', '아버지가 갑자기 한쪽 얼굴이 처졌어요'],
    ['pain that floors one', '배가 아파서 데굴데굴 굴렀어요'],
  ])('%s: "%s"', (_why, text) => {
    const analysis = ask(text);
    expect(analysis.danger).toEqual({ hotline: '119' });
    expect(analysis.crises).toContain('HEALTH');
  });

  it.each([
    '작년에 경기를 한 번 했는데 지금은 약 먹고 괜찮아요',
    '코피가 가끔 비쳐요',
    '애가 열이 좀 있는데 해열제 먹였어요',
  ])('is no danger: "%s"', (text) => {
    expect(ask(text).danger).toBeUndefined();
  });
});

describe('Function: analyzeUtterance — violence, confinement and neglect (112)', () => {
  it.each([
    ['a hand that goes first', '아들이 화나면 손이 먼저 나가요'],
    ['beaten last night', '어젯밤에도 맞고 친구 집으로 왔어요'],
    ['pushed against a wall', '남편이 저를 벽에 밀쳤어요'],
    ['locked in from outside', '밖에서 문을 잠가 놓고 나가요'],
    ['the phone taken', '휴대폰도 뺏어 가서 연락을 못 했어요'],
    ['a child put out in the cold', '아빠가 동생을 한겨울에 맨발로 내쫓았어요'],
    ['a dependent left unchanged', '며느리가 기저귀를 안 갈아 줘요'],
  ])('%s: "%s"', (_why, text) => {
    expect(ask(text).danger).toEqual({ hotline: '112' });
  });

  it.each([
    '저 말고 아는 언니가 남편한테 맞고 산대요',
    '예전에 맞고 살다가 도망 나왔어요, 지금은 혼자 편해요',
  ])('is no danger of the household now: "%s"', (text) => {
    expect(ask(text).danger).toBeUndefined();
  });
});

describe('Function: analyzeUtterance — hunger for days, by a day named', () => {
  it.each([
    '화요일부터 아무것도 못 먹었어요',
    '지난 주말에 먹고 여태 못 먹었어',
    '며칠째 집에 먹을 게 하나도 없어요',
  ])('"%s" is a food emergency', (text) => {
    const analysis = ask(text, '식사는 하셨어요?');
    expect(analysis.foodEmergency).toBe(true);
    expect(analysis.crises).toContain('FOOD');
  });

  it('"어제 점심 먹고 여태 못 먹었어요" is one day, no emergency', () => {
    expect(ask('어제 점심 먹고 여태 못 먹었어요', '식사는 하셨어요?').foodEmergency).toBeFalsy();
  });
});

describe('Function: analyzeUtterance — HIGH triggers in new words', () => {
  it.each([
    ['not a penny earned', '가게 닫고 석 달째 한 푼도 못 벌었어요'],
    ['wages withheld for months', '사장이 다섯 달째 월급을 안 줘요'],
    ['income cut off', '남편 가고 나서 수입이 딱 끊겼어요'],
    ['nothing to come in from anywhere', '통장에 만 원 남았는데 돈 들어올 구멍이 없어요'],
  ])('no income: %s "%s"', (_why, text) => {
    const analysis = ask(text);
    expect(analysis.high).toContain('수입 없음');
    expect(analysis.crises).toContain('INCOME');
  });

  it('"없어요 아무 데서도" to where the living money comes from is no income', () => {
    expect(ask('안 나와요 아무 데서도', '생활비는 어디서 나오세요?').high).toContain('수입 없음');
  });

  it("child support that does not come is no 'no income'", () => {
    expect(ask('양육비는 한 푼도 안 들어와요', '아이 아빠는 도와주세요?').high).not.toContain('수입 없음');
  });

  it.each([
    ['cut for an unpaid bill', '요금 못 내서 가스가 끊겼어요'],
    ['cut, Jeolla', '전기를 끊어 부러서 깜깜해'],
    ['boiler out of oil in winter', '보일러 기름이 다 떨어져서 방이 얼음장이에요'],
  ])('utility cut: %s "%s"', (_why, text) => {
    expect(ask(text).high).toContain('공과금 단절');
  });

  it('a cut confirmed with "예" to a question ending in 맞으시죠 carries it', () => {
    const analysis = ask('예 사흘 됐어요', '수도가 지금 끊겨 있는 거 맞으시죠?');
    expect(analysis.high).toContain('공과금 단절');
  });

  it('a boiler run sparingly for its cost is no cut', () => {
    expect(ask('기름값 무서워서 보일러를 맘대로 못 돌려요').high).toEqual([]);
  });

  it.each([
    ['dialysis skipped for the fare and co-payment', '투석 가야 되는데 차비 아끼려고 한 번씩 빼먹어요'],
    ['a procedure cancelled for money', '시술 날짜 잡았는데 돈이 없어서 취소했어요'],
    ['insulin rationed', '인슐린 두 번 맞아야 되는데 돈 아낄라고 한 번만 맞아요'],
  ])('untreated for cost: %s "%s"', (_why, text) => {
    expect(ask(text).high).toContain('비용 때문에 치료 못 받음');
  });

  it('"돈이 떨어져서 그만뒀어요" to a question about chemotherapy is treatment stopped, not a job', () => {
    const analysis = ask('중간에 돈이 떨어져서 그만뒀어요', '항암 치료는 계속 받고 계세요?');
    expect(analysis.high).toContain('비용 때문에 치료 못 받음');
  });

  it.each([
    ['a ten-year-old with the mother gone', '저 열 살인데요 엄마가 어제 나가서 안 들어와요'],
    ['two children, the grandmother in hospital', '할머니가 입원하셔서 저랑 동생 둘만 있어요'],
  ])('a child left alone: %s "%s"', (_why, text) => {
    const analysis = ask(text, '지금 집에 어른 계세요?');
    expect(analysis.high).toContain('돌볼 사람 없는 피부양자');
    expect(analysis.crises).toContain('CARE');
  });

  it('an adult whose mother is in hospital is no child left alone', () => {
    expect(ask('엄마가 입원하셔서 제가 병원에 왔다 갔다 해요').high).toEqual([]);
  });

  it('a lease told "네 그렇게 됐어요" to a question about having to leave is housing loss', () => {
    const analysis = ask('네 그렇게 됐어요', '혹시 지금 집에서 나가셔야 하는 상황이세요?');
    expect(analysis.high).toContain('퇴거 위기');
  });

  it('"나가래요" from a factory is a job lost, not a home', () => {
    const analysis = ask('공장에서 일 없다고 나가래요');
    expect(analysis.high).toEqual([]);
    expect(analysis.crises).toEqual(['EMPLOYMENT']);
  });
});

describe('Function: analyzeUtterance — crisis types in new words', () => {
  it.each([
    ['FOOD', '반찬 살 돈이 없어서 간장에 비벼 먹어요'],
    ['FOOD', '하루 종일 김밥 한 줄로 때워요'],
    ['MENTAL_HEALTH', '버스만 타면 숨이 턱 막혀서 못 타요'],
    ['MENTAL_HEALTH', '그 사고 이후로 꿈에 자꾸 그 장면이 나와요'],
    ['MENTAL_HEALTH', '머릿속이 시끄러워서 천장만 보고 있어요'],
    ['EMPLOYMENT', '이력서를 백 군데 넣었는데 면접 한 번 못 봤어요'],
    ['EMPLOYMENT', '사장님이 내일부터 나오지 말래요'],
    ['ISOLATION', '하루에 한마디도 안 할 때가 많아요'],
    ['ISOLATION', '전화도 다 꺼 놓고 지내요'],
    ['CARE', '시어머니 모시느라 밤에 잠을 못 자요'],
    ['DEBT', '소액결제가 쌓여서 백만 원이 넘어요'],
    ['UTILITIES', '연탄 살 돈이 없어서 하루 두 장만 때요'],
    ['HOUSING', '지붕이 태풍에 날아가서 비닐 덮고 살아요'],
  ])('%s: "%s"', (type, text) => {
    expect(ask(text).crises).toContain(type);
  });

  it.each([
    ['no DEBT from a loan advert', '전화 오는 건 대출 광고뿐이에요', 'DEBT'],
    ["no DEBT from the landlord's debt", '집주인이 빚져서 집이 경매에 넘어갔대요', 'DEBT'],
    ['no HEALTH from a condition kept under control', '혈압약은 꼬박꼬박 잘 먹고 있어요', 'HEALTH'],
    ['no MENTAL_HEALTH from sleep lost to pain', '허리가 아파부난 잠을 못 자요', 'MENTAL_HEALTH'],
    ['no FOOD from hunger long past', '옛날에 굶기도 했지, 다 옛날 얘기야', 'FOOD'],
    ["no EMPLOYMENT from a cousin's job", '사촌 형이 일자리 잃었다던데 저는 직장 잘 다녀요', 'EMPLOYMENT'],
  ])('%s: "%s"', (_why, text, type) => {
    expect(ask(text).crises).not.toContain(type);
  });
});

describe('Function: predictUtterance — immobile with nobody reachable', () => {
  it('a fall, unable to move, the son unreachable is a danger and a care need', () => {
    const predicted = predictUtterance({
      botText: '어르신 지금 어디 계세요?',
      text: '화장실에서 넘어졌는데 꼼짝을 못 하겠어요 딸은 전화를 안 받고',
    });
    expect(predicted.danger).toBe(true);
  });

  it('lying down all day from low mood is no immobility', () => {
    const predicted = predictUtterance({
      botText: '하루를 어떻게 보내세요?',
      text: '아무것도 하기 싫어서 하루 종일 누워만 있어요',
    });
    expect(predicted.danger).toBe(false);
    expect(predicted.crisisTypes).not.toContain('CARE');
  });
});

describe('Function: analyzeUtterance — danger and HIGH of round g', () => {
  it.each([
    ['a fit that happened', '아침에 두 번이나 발작했어요', '119'],
    ['fumes from a coal briquette', '연탄가스를 마셨나 머리가 깨질 것 같아요', '119'],
    ['a double dose by mistake', '혈압약을 실수로 두 번 먹었어요 어지러워요', '119'],
    ['arson threatened', '돈 안 주면 집에 불 지른다고 난리예요', '112'],
    ['a parent pushed', '아들이 지 애비를 밀어 갖고 머리를 찧었어요', '112'],
    ['a landslide into the house', '뒷산 흙이 밀려와서 벽에 금이 갔어요 애들이랑 안에 있어요', '112'],
  ])('%s: "%s"', (_why, text, hotline) => {
    expect(ask(text).danger).toEqual({ hotline });
  });

  it('a violent ex-partner under a restraining order for years is no danger now', () => {
    expect(ask('접근금지 받아서 오 년째 얼굴도 안 봐요. 지금은 편해요').danger).toBeUndefined();
  });

  it.each([
    '마지막으로 먹은 게 사십팔 시간도 넘었어요',
    '월요일 아침에 죽 조금 먹고 그 뒤로 아무것도 못 먹었어요',
    '나흘 전에 떡 하나 먹고는 입에 댄 게 없어요',
  ])('hunger for days: "%s"', (text) => {
    expect(ask(text, '식사는 하셨어요?').foodEmergency).toBe(true);
  });

  it('"이틀은 넘었어요" to a question about not eating is hunger for days', () => {
    expect(ask('이틀은 넘었어요', '혹시 식사 못 하신 지 오래되셨어요?').foodEmergency).toBe(true);
  });

  it.each([
    ['income gone', '벌이가 아예 끊겨서 살 돈이 없어요', '수입 없음'],
    ['empty-handed', '연금도 없고 자식들도 안 주고 완전 빈손이여', '수입 없음'],
    ['a meter sealed', '전기 계량기 봉인됐어요', '공과금 단절'],
    ['power switched off by the office', '관리실에서 우리 집 전기를 내렸어요', '공과금 단절'],
    ['locked out, sleeping in the car', '주인이 문을 잠가 버려서 사흘째 차에서 자요', '퇴거 위기'],
    ['medicine stopped for arrears', '건보료가 밀려서 약을 중간에 끊었어요', '비용 때문에 치료 못 받음'],
    ['a carer who cannot lift', '내가 허리를 다쳐서 영감을 일으킬 수가 없어요', '돌볼 사람 없는 피부양자'],
    [
      'two children alone at night',
      '아홉 살 여섯 살 둘이 밤마다 집에 둘만 있어요',
      '돌볼 사람 없는 피부양자',
    ],
  ])('%s: "%s"', (_why, text, signal) => {
    expect(ask(text).high).toContain(signal);
  });

  it('"나가라는 얘기는 없어요" is no eviction', () => {
    expect(ask('한 달 밀렸는데 주인이 나가라는 얘기는 없어요').high).not.toContain('퇴거 위기');
  });

  it('surgery put off for the harvest, "돈 때문이 아니라", is no treatment refused for cost', () => {
    expect(ask('수술 미루고 있는데 돈 때문이 아니라 농사철이라서요').high).toEqual([]);
  });
});

describe('Function: analyzeUtterance — types of round t', () => {
  it.each([
    ['INCOME', '돈이 없어서 못 냈어요'],
    ['ISOLATION', '이사 온 지 이 년인데 아는 사람이 한 명도 없어요'],
    ['ISOLATION', '옆집 할머니가 혼자 돌아가셨대요, 나도 혼자 사니까 저러면 어쩌나 싶어요'],
    ['UTILITIES', '가스비가 지난달 이십만 원 넘게 나와서 아직 못 냈어요'],
    ['UTILITIES', '전기세 무서버가 에어컨은 못 틀어요'],
    ['INCOME', '폐지 주워서 하루 몇천 원 벌어요'],
    ['EMPLOYMENT', '서른 군데 넘게 넣었는데 다 떨어졌어요'],
  ])('%s: "%s"', (type, text) => {
    expect(ask(text).crises).toContain(type);
  });

  it('"가스 중단 안내만 받은 게 아니고 벌써 중단됐어요" is a cut: the negation is not about the cut', () => {
    const analysis = ask('안내만 받은 게 아니고 벌써 중단됐어요', '가스 공급 중단 안내를 받으셨어요?');
    expect(analysis.high).toContain('공과금 단절');
  });

  it('"아니요, 끊긴 적 없어요" is no cut', () => {
    expect(ask('아니요, 끊긴 적 없어요', '전기가 끊긴 상태인가요?').high).toEqual([]);
  });
});
