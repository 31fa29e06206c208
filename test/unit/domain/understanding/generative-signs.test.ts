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

describe('Function: analyzeUtterance — composed signs (stem of the thought times its frame, across clauses)', () => {
  it.each([
    ['going, wished', '요새는 그냥 훌쩍 가 버리고 싶어요'],
    ['going, in Chungcheong', '인자 그만 가도 되겄슈, 누가 붙잡도 않고'],
    ['going as help', '내가 먼저 가 주는 게 애들 도와주는 거지'],
    ['ending', '차라리 다 끝내는 게 낫겠다 싶어요'],
    ['ending, STT spelling', '그냥 다 끈내고 십어요'],
    ['stopping', '심장이 그냥 멈췄으면 해요'],
    ['not waking, allowed', '이대로 안 일어나도 괜찮겠다 싶어요'],
    ['not waking, Jeolla', '자다가 안 깨불믄 좋겄어'],
    ['disappearing', '어디로 증발해 버리고 싶어요'],
    ['letting go for good', '더는 못 버티겠어요. 다 내려놓고 싶어요 영원히'],
    ['not living', '이렇게 사느니 안 사는 게 낫지'],
    ['cold welcomed', '보일러도 안 되는데 얼어서 가도 상관없어요'],
    ['a place dwelt on, two clauses', '다리 위에 자꾸 가게 돼요. 밑을 한참 보고 서 있어요'],
    ['a place, Jeju', '바당 보멍 들어가불민 끝이주 허는 생각'],
    ['a means put by', '창고에 밧줄 하나 사다 놨어요'],
    ['a crash pictured', '운전하다가 확 들이받을까 싶어요'],
    ['pills saved', '약을 안 먹고 한꺼번에 먹으려고 모으고 있어요'],
    ['an attempt told', '작년에 수면제 먹고 응급실 실려 갔었어요'],
    ['future absence', '다음엔 제가 없을 거예요'],
    ['farewell to the caller', '마지막으로 선생님 목소리 들어서 좋네요'],
    ['papers left to be found', '통장이랑 도장 다 서랍에 넣어 놨어요, 애들이 찾기 쉽게'],
    ['insurance on death', '보험 서류 꺼내 봤어요, 사망하면 얼마 나오나'],
    ['things given to be remembered', '아끼던 시계는 조카한테 줬어요, 기억하라고'],
    ['no point living', '이렇게 사는 거 아무 의미 없어요'],
    ['a season not to be lived through', '이번 겨울은 안 넘길 생각이에요'],
    ['lying beside the dead', '엄마 산소 가면 엄마 옆에 눕고 싶어요'],
    ['going quietly, a metaphor', '촛불 꺼지듯이 조용히 가면 좋겠어요'],
    ['disappearing is enough', '이렇게 있다가 조용히 사라지면 돼요'],
    ['switched off', '나한테 전원 끄기 버튼 있으면 바로 누를 거예요'],
    ['going together', '갈 거면 우리 둘이 같이 가야지 싶어요'],
    ['death in images', '이 세상 소풍 이제 끝내고 싶어요'],
    ['woken against the wish', '아침마다 왜 또 눈을 떴을까 싶어요'],
    ['a last meal', '마지막 만찬이다 하고 고기 사 먹었어요'],
    ['future absence', '다음 달부터는 나 없을 거예요'],
    ['a message left', '애들한테 미안하다고 전해 주세요'],
    ['accounts closed for good', '통장도 다 닫았어요. 이제 나 찾을 사람 없게'],
    ['an attempt told', '두 번 해 봤는데 다 살아났어요'],
    ['a quick end pictured', '저 철길에 누우면 금방이겠다 싶어요'],
    ['treatment refused to die', '투석 안 받으면 얼마 못 간다는데 그게 내가 바라는 거예요'],
    ['praying not to wake', '밤마다 이대로 안 깨게 해 달라고 빌어요'],
    ['struck, wished', '길 건너다가 차가 그냥 나를 쳐 버렸으면 해요'],
    ['passing on what one will not need', '보증금 빼서 동생한테 넘겼어요, 이제 저한테는 필요 없는 돈이라'],
    ['a letter for after', '편지 써 놨어요, 내가 가고 나면 읽으라고'],
    ['ending on a day', '그날 그냥 저도 끝내려고요'],
    ['absent by then', '다음 주요? 그때는 제가 없을 거예요'],
    ['breath wished to stop', '숨만 쉬고 있어요. 이것도 그만 쉬어졌으면'],
    ['means researched', '수면제 한 통 다 먹으면 어떻게 되는지 찾아봤어요'],
    ['a mother better gone', '엄마 없는 게 차라리 나을 거 같아요, 저 같은 엄마는'],
    ['a one-way trip', '바다 보러 가요. 편도로요, 돌아올 생각은 없어요'],
    ['dying, STT spelling', '그냥 콱 주거뿌고 싶다'],
  ])('flags %s: "%s"', (_why, text) => {
    expect(read(text).selfHarm).toBe(true);
  });

  it.each([
    '빨리 집에 가고 싶어요, 병원 너무 답답해',
    '공사가 빨리 끝났으면 좋겠어요, 시끄러워서',
    '통증이 싹 없어졌으면 좋겠어요',
    '옥상에 고추 말리러 올라가서 밑에 보니 차가 많더라',
    '박스 묶을 끈 사다 놨어요',
    '과일 깎으려고 칼 들고 한참 앉아 있었지',
    '아랫동네 누가 목을 맸다고 해서 동네가 시끄러워요',
    '다음엔 제가 없을 거예요, 출장 가거든요',
    '이사 가면서 옷은 다 나눠 줬어요, 필요 없어서',
    '나 죽으면 화장해 달라고 애들한테 말해 놨어요, 다들 그러잖아',
    '나 죽으면 우리 강아지는 누가 키우나 그게 걱정이지',
    '회사 일에 지쳐서 다 내려놓고 싶어요',
    '연탄 백 장 들여놨어요. 이번 겨울은 걱정 없어요.',
    '죽을 날 받아 놓은 나인데 뭐, 아직 정신은 멀쩡해요',
    '내가 힘들다 캤지 죽고 싶다 캤나',
    '에이 내가 왜 죽어, 손주 장가가는 건 봐야지',
    '휴대폰 해지했어요, 요금이 비싸서 알뜰폰으로 바꿨어요',
    '밤에 한강 나가서 자전거 타요, 야경이 좋아서',
    '이번 여름이 빨리 지나가면 좋겠어요',
    '아침에 알람 때문에 또 깼어요, 짜증나게',
    '인터넷으로 감기약 먹으면 졸린지 찾아봤어요',
    '고향 내려가요, 편도로 끊었어요 이제 돌아올 생각은 없어요',
    '보증금 빼서 아들한테 넘겼어요, 집 살 때 보태라고',
    '그날 일 다 끝내려고 일찍 나갔어요',
    '주거급여 받고 있어서 그나마 버텨요',
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

describe('Function: analyzeUtterance — warning signs of round g (resolution, entrusting, switched off, last look)', () => {
  it.each([
    ['resolved to end', '끝을 내기로 마음먹고 나니까 오히려 편해요'],
    ['a deadline with nothing after', '이번 주까지만요. 그 뒤로는 없어요'],
    ['a child entrusted in case', '동생한테 우리 딸 부탁해 놨어요, 혹시 내가 어떻게 되면 키워 달라고'],
    ['switched off', '그냥 조용히 꺼져 버렸으면 좋겠어요'],
    ['a body thrown', '베란다에서 몸 던지면 이 빚 독촉도 끝나겠다 싶어요'],
    ['buried with the dead', '남편 갈 때 나도 같이 묻혔으면 좋았을 텐데'],
    ['going first, before it happens', '쫓겨나기 전에 제가 먼저 갈 거예요'],
    ['treatment refused to go', '살려 놔 봤자 또 이 고생인데 병원은 안 가요'],
    ['not sure to be there', '다음 달까지 제가 있을지 모르겠어요'],
    ['a life that will not let go', '목숨이 질겨서 아직 붙어 있네요'],
    ['better gone for it to stop', '차라리 내가 없어져야 이 고생이 끝나지'],
    ['a last look', '바닷가에 와 있어요. 마지막으로 바다 좀 보려고요'],
    ['a will looked up', '밤에 유서 쓰는 법 찾아봤어요'],
    ['a day of farewells', '오늘은 식구들한테 인사하는 날이에요'],
  ])('flags %s: "%s"', (_why, text) => {
    expect(read(text).selfHarm).toBe(true);
  });

  it.each([
    '삶을 끝내긴요. 이 지긋지긋한 가난을 끝내고 싶지',
    '이사 준비 다 해 놨어요, 다음 주에 가요',
    '수술 들어가기 전에 제가 어떻게 되면 애들 좀 챙겨 달라고 했어요',
    '마지막으로 엄마 면회 가서 보고 왔어요',
    '그동안 고마웠어요, 이제 딸네로 이사 가서 복지관은 못 나가요',
    '드라마에서 유서 쓰는 장면 보고 울었어요',
    '아직도 살아있네 싶을 만큼 건강하다고 의사가 그래요',
  ])('does not flag "%s"', (text) => {
    expect(read(text).selfHarm).toBe(false);
  });
});
