/**
 * Text normalization before matching Korean patterns. Speech-to-text output spaces words unpredictably
 * ("못 먹어요" / "못먹어요" / "못 먹 어요"), so every pattern is matched against a compact form without
 * spaces; clauses are kept apart so a negation in one clause does not cancel a problem in another.
 */

/**
 * Spellings folded word for word (one pass for all): STT mishearings, dialect kin words, 하다/없다/겠 forms
 * (혔, 겄, 믄) whose replacement needs no context.
 */
const LITERALS: Record<string, string> = {
  테레비전: '티비',
  테레비: '티비',
  텔레비: '티비',
  티브이: '티비',
  죙일: '종일',
  쟁일: '종일',
  진종일: '종일',
  연끔: '연금',
  연굼: '연금',
  보증그미: '보증금이',
  무릅: '무릎',
  무뤂: '무릎',
  것두: '것도',
  하나두: '하나도',
  아무것두: '아무것도',
  떠러: '떨어',
  밀맀: '밀렸',
  밀렜: '밀렸',
  바뻐: '바빠',
  사름: '사람',
  할머이: '할머니',
  엄니: '어머니',
  어머이: '어머니',
  아부지: '아버지',
  헌티: '한테',
  한티: '한테',
  혔: '했',
  맴이: '마음이',
  시퍼: '싶어',
  시포: '싶어',
  싶퍼: '싶어',
  이써: '있어',
  잇어: '있어',
  잇서: '있어',
  먹을께: '먹을거',
  먹을꺼: '먹을거',
  바당: '바다',
  지안허: '지않아',
  지안해: '지않아',
  끈켜: '끊겨',
  끈껴: '끊겨',
  끈킨: '끊긴',
  끈켰: '끊겼',
  어멍: '어머니',
  아방: '아버지',
  아판: '아파서',
  햄수다: '해요',
  헙니다: '합니다',
  경허우다: '그렇습니다',
  경하우다: '그렇습니다',
  남었: '남았',
  살었: '살았',
  이시민: '있으면',
  겄: '겠',
  믄: '면',
};
const LITERAL_PATTERN = new RegExp(Object.keys(LITERALS).join('|'), 'g');

/** Southern -부러/-삐/-불 endings of 버리다, one pass: ending → standard form. */
const BURI: Record<string, string> = {
  부렀: '버렸',
  브렀: '버렸',
  뿌렀: '버렸',
  삐렀: '버렸',
  뿌랬: '버렸',
  삣: '버렸',
  부러서: '버려서',
  뿌러서: '버려서',
  삐서: '버려서',
  불면: '버리면',
  불민: '버리면',
  불믄: '버리면',
  뿌면: '버리면',
  삐면: '버리면',
  뿌믄: '버리면',
  삐믄: '버리면',
  불고: '버리고',
  뿌고: '버리고',
  삐고: '버리고',
  삐는: '버리는',
  뿌는: '버리는',
  부는: '버리는',
  불는: '버리는',
  부러: '버려',
  뿌러: '버려',
  삐: '버려',
};
const BURI_PATTERN =
  /(?<=[가나서아어워와져깨해돼내쳐켜려여봐줘떠써])(부렀|브렀|뿌렀|삐렀|뿌랬|삣|부러서|뿌러서|삐서|불면|불믄|불민|뿌면|삐면|뿌믄|삐믄|(불고|뿌고|삐고)(?!기)|삐는|뿌는|부는|불는|(부러|뿌러|삐)(?=[요.,?!]|$))/g;

/** Common STT and dialect spellings folded onto the standard form the patterns are written in. */
const FOLDS: [RegExp, string][] = [
  // Non-speech the transcriber notes in brackets ("(한숨) 네…").
  [/\([^)]*\)|\[[^\]]*\]/g, ''],
  [/[~…·'"“”‘’]/g, ''],
  [/\.{2,}/g, '.'],
  // Gyeongsang / Jeolla / Chungcheong sentence endings and words that change the stem the patterns use.
  // STT mishearings and spoken spellings of words the patterns name (보일라, 기럼, 테레비, 원세, 연끔, 병언).
  [LITERAL_PATTERN, ''],
  [/보이러|보일라|뽀일러|보일라(?=[가-힣])/g, '보일러'],
  [/기럼(?=[이도은을값])/g, '기름'],
  [/(?<![가-힣])원세|월쎄/g, '월세'],
  [/병언(?=[에을은이도서])/g, '병원'],
  [/끈(?=(기|긴|겼|겨|어졌|어진))/g, '끊'],
  // STT: 끈내 끝내, 십어/십따 싶어/싶다 after -고, 살기 실어 싫어.
  [/끈(?=(내|낼|냈|나고|났))/g, '끝'],
  [/(?<=고)십(?=(어|따|다|퍼|지|은|습|네))/g, '싶'],
  [/(?<=[고싶])따(?=[는고요.,?!]|$)/g, '다'],
  [/(?<=기)실(?=(어|다|습|고|은|타))/g, '싫'],
  [/짤(?=[렸리려린])/g, '잘'],
  // Kin and people in dialect (사름 Jeju, 손지 Jeolla, 할머이 Gangwon, 엄니/아부지).
  [/손지(?=[가-힣]|$)(?!도|랑)/g, '손주'],
  // 하다 in Chungcheong/Jeolla speech: 혀유, 혔슈, 허구, 허믄, 헐래유, 헌디 (not 허리, 허락, 허허, 헌옷).
  // Not the passive/causative -혀- of a stem (막혀서, 잡혀요, 밝혀서).
  [/(?<![막밝익굳묵식앉입잡읽먹박찍닫얹넓좁뽑엎])혀(?=[유요서도야])/g, '해'],
  [/허(?=(구|고|는|믄|면|니|지|게|셔|세|시|라|랴|다가|며|여|영|랜))/g, '하'],
  [/헐(?=(래|라|게|께|수|때|거|것|돈|줄|일|까))/g, '할'],
  [/헌(?=(디|데|께|게|다|거|것|지))/g, '한'],
  // 없다: Gyeongsang 엄꼬/엄따/읍다, Chungcheong/Jeolla 읎.
  [/엄(?=(꼬|고|다|따|서|써|어|는|지|심|니|데|응))/g, '없'],
  [/(?<![가-힣])읍(?=(다|어|고|꼬|는|써|서|지|심))/g, '없'],
  [/(?<=[라다없])꼬(?!박|리|치|추|마)/g, '고'],
  [/없따/g, '없다'],
  [/없써/g, '없어'],
  // Gyeongsang 비아 달라 (비워 달라); a rhetorical "돈이 어딨어요" is no money.
  [/비아(?=(달|주|줘|야|라))/g, '비워'],
  // Southern -응께/-응게/-으니께 and Chungcheong -니께 for -으니까 ("약 묵응께 괜찮어").
  [/(?<=[가-힣])(응께|응게|응깨|으니께|으이께)/g, '으니까'],
  [/(?<=[가-힣])니께/g, '니까'],
  [/묵(었|어|고|는|을|지|은|으|나|니|노|제|자)/g, '먹$1'],
  [/묵지/g, '먹지'],
  [/댕기/g, '다니'],
  [/몬(?=(내|냈|해|했|가|갔|먹|받|자|살|사|벌|한|하|간|걷|움직))/g, '못'],
  [/맹키로|맨키로/g, '처럼'],
  [/한나도|하나또/g, '하나도'],
  [/없어라|없당께/g, '없어요'],
  // Gyeongsang 아이다 / 아입니더 for 아니다 at a clause end ("우울하고 그런 거는 아이다").
  [/(?<=[가-힣])아이(다|라|데이|제|지|요|에요|예요)(?=[.,?!]|$)/g, '아니$1'],
  [/끊겨부렀|끊겨브렀|끊어져부렀/g, '끊겼'],
  // Phonetic (STT / typed-as-heard) spellings of stems the patterns name: 시퍼 싶어, 주거 죽어, 이써 있어,
  // 업서 없어, 빗 빚, 먹을께 먹을게.
  // "콱 주거뿌고": before a 버리다 ending 주거 is 죽어 whatever precedes it (주거급여, 주거비 keep their 주거).
  [/(?<![가-힣])주거(?=(버|뿌|삐|불|야|서|도|라|요|있))|주거(?=(버리|뿌|삐|불))/g, '죽어'],
  // Gyeongsang "고마 하입시더": 그만 (고마워, 고마웠, 고맙 keep their thanks).
  [
    /고마(?=(하|해|합|치아|둬|두|끊|됐))|(?<=(^|[.,?!]|인제|이제|인자|나는|난|내는|그냥|마))고만(?=(살|하|해|두|둬))/g,
    '그만',
  ],
  // Gangwon 뻐리다 for 버리다 ("없어져 뻐리면").
  [/(?<=[가-힣])뻐리/g, '버리'],
  // Jeju "자당 안 깨어나시믄 좋으켜": 자다가 … 좋겠어.
  [/(?<=자)당(?=(안|못|깨|그냥))/g, '다가'],
  [/좋으켜|좋으키여|좋을거라/g, '좋겠어'],
  [/(?<=깨어나|일어나|깨나)시(?=면|믄)/g, ''],
  [/(?<![가-힣])주글(?=(것|거|까|래|라|뻔|수|지))/g, '죽을'],
  [/업서|업써|업어(?=[요.,?!]|$)/g, '없어'],
  [/(?<=카드|은행|사채)빗|(?<![가-힣])빗(?=(이|을|은|도|때문|갚|져|졌|만|쟁이))/g, '빚'],
  // Southern/Jeolla -부러/-부렀/-불고 and Gyeongsang -삐/-뿌 for 버리다 ("가불면", "나가부렀어", "가삐는 기").
  [BURI_PATTERN, ''],
  // Jeju 없다 before a clause ending (돈 어신디, 기름 어성) and -민 for -면 before a wish.
  [/(?<=[가-힣](도|는|은|가|이)?)어신(디|데)/g, '없는데'],
  [/(?<=(돈|기름|쌀|사람|사름|것|거)(도|는|은|가|이)?)어(성|선|서)(?=[가-힣])/g, '없어서'],
  [/(?<=[가-힣])민(?=(좋|편|안되|안돼|원이))|(?<=[지하허가오보되])민(?=[가-힣])/g, '면'],
  // Jeju: 엇어 없어, -불카 -버릴까, -졍 -져서, -사 허다 -야 하다, 바당 바다, 안허우다 않아요.
  [/엇(?=(어|수다|고(?![가-힣])|고[.,?!]))/g, '없'],
  [/(?<=[가나서아어워와져깨해돼내쳐켜려여봐줘떠써])(불카|불까|뿔까|삘까)/g, '버릴까'],
  [/(?<=[가-힣])졍(?=[가-힣])/g, '져서'],
  [/(?<=[가나아어와워])사(?=(헙|합|허|하|되|돼))/g, '야'],
  // STT: 끈켜서 끊겨서.
  [/도시가쓰|가쓰(?=(요금|비|값|가|는|도|를|랑|끊))/g, '가스'],
  [/전기세/g, '전기요금'],
  [/핸드폰|휴대전화/g, '휴대폰'],
  [/쥬(?=[.?!,]|$)/g, '죠'],
  [/그류(?=[.?!,]|$)/g, '그래요'],
  [/유(?=[.?!,]|$)/g, '요'],
  [/(?<=[가-힣])소잉/g, '소'],
  // Jeju polite ending and "없다" variants (아픈 디도 어서, 읎어, 없심더 keeps its 없).
  [/마씸|마씀/g, '요'],
  [/읎|웂/g, '없'],
  [/(?<=[픈한운든는근인은신던른갈할살볼잘올줄])디(?=[가-힣]|$|[.,?!])/g, '데'],
  // Chungcheong 슈 after a past or existence stem: 했슈, 있슈, 없슈, 됐슈.
  [/(?<=[있없했갔왔됐같겠았었였딨])슈(?=[.?!,]|$)/g, '어요'],
  [/돈(이|은|을)?어(딨|디있|디이|데있|딧|데이)[가-힣]{0,4}/g, '돈이없어'],
  [/(?<=(사람|친구|일자리|일|먹을거|쌀))(이|가)?어(딨|디있|디이|데있|딧|데이)[가-힣]{0,3}/g, '이없어'],
  // Gyeongsang 기 for 게 after an adnominal ("남은 기 없다", "하는 기 문제라").
  [/(?<=[은는던운])기(?=(없|안|있|아니|아이|뭐|머|다|문제|많|적|십|백|천|만|한|두|세))/g, '게'],
  [/(?<=(데|건|거|것|게|돈|일)(는|도|가|이|은)?)(어서|엇어|어수다|엇수다|읏어)(?=[.?!,]|$|요)/g, '없어'],
  // After any particle: "전화도 어서마씸", "사름도 어고", "하나도 어수다".
  [/(?<=[가-힣](도|는|은|가|이))(어서|엇어|어수다|엇수다|읏어)(?=[.?!,]|$|요)/g, '없어'],
  [/(?<=(게|거|돈)(가|이)?(영|통|하나도|아예))(어서|엇어|어수다|엇수다|읏어)/g, '없어'],
  [/(?<=[가-힣](도|는|은|가|이))어고(?=[가-힣.,?!]|$)/g, '없고'],
  // Jeju "필요 어수다", "걱정 엇수다": after a noun these are 없다 (after a verb stem -엇수다 is past tense).
  [
    /(?<=(필요|걱정|상관|문제|관심|사람|돈)(는|도|가|이|은)?)(어수다|엇수다|읏수다|어서|엇어|읏어)/g,
    '없어요',
  ],
];

// The understanding, the dialogue and the summarizer compact the same bot and resident lines many times over.
const COMPACTED = new Map<string, string>();
const COMPACTED_LIMIT = 4096;

/** Removes spaces and folds spelling variants; keeps clause punctuation (.,?!). */
export function compact(text: string): string {
  const known = COMPACTED.get(text);
  if (known !== undefined) return known;
  let out = text.normalize('NFC').replace(/\s+/g, '');
  for (const [pattern, replacement] of FOLDS) {
    out =
      pattern === LITERAL_PATTERN
        ? out.replace(pattern, (word) => LITERALS[word] ?? word)
        : pattern === BURI_PATTERN
          ? out.replace(pattern, (ending) => BURI[ending] ?? ending)
          : out.replace(pattern, replacement);
  }
  if (COMPACTED.size >= COMPACTED_LIMIT) COMPACTED.clear();
  COMPACTED.set(text, out);
  return out;
}

/**
 * Splits compact text into clauses at sentence punctuation, at contrastive connectives (…는데, …지만) and at
 * the coordinating …고 after a predicate ("애들 건강하고 전기세도 내고 있고요"), so a negation or a resolution
 * only reaches its own clause.
 */
export function clauses(compactText: string): string[] {
  return compactText
    .split(
      /[.?!,]|(?<=지만)|(?<=[는은한]데)(?=[가-힣]{4,})(?![가도는를로에])|(?<=(?:건강하|멀쩡하|튼튼하|괜찮|있|없|내|냈|했|았|었|였|되|나았)고)(?=[가-힣]{4,})(?!싶|파|잡)/,
    )
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
