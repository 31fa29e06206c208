/**
 * Rule-based Korean understanding: patterns over compact text with clause-level negation, dialect folding and
 * the bot's question as context. Pure and synchronous underneath; `RuleUnderstanding` wraps it in the
 * `Understanding` interface.
 */
import { CRISIS_TYPES, type CrisisType } from '../consultation-summary.ts';
import { parseKoreanNumber } from '../korean-time.ts';
import {
  ACTS,
  CANCEL_AFTER,
  CANCEL_RIGHT_AFTER,
  CARE_CONDITION,
  CARE_CONTEXT,
  CRISIS_PATTERNS,
  DANGER_PATTERNS,
  DISOWNED_WISH,
  FOOD_EMERGENCY,
  GENERATIVE_SIGNS,
  HIGH_PATTERNS,
  NOT_SELF_HARM,
  QUESTION_TOPICS,
  RESOURCE_QUESTION,
  SELF_HARM_PROBE,
  STATED_WISH,
  SUDDEN_CALM,
  WARNING_SIGNS,
  type WarningSign,
} from './lexicon.ts';
import { clauses, compact } from './normalize.ts';
import { selfHarmWordingScore } from './self-harm-wording.ts';
import {
  emptyAnalysis,
  type Understanding,
  type UnderstandingContext,
  type UtteranceAnalysis,
} from './understanding.ts';

// Every utterance of every call goes through these patterns: compile each global twin once, not per match.
const GLOBAL_TWINS = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let global = GLOBAL_TWINS.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, 'g');
    GLOBAL_TWINS.set(pattern, global);
  }
  return global;
}

/** Predicates that a short negation before them denies ("안 외로워요", "안 아파요", "나 안 우울해요"). */
const PRE_NEGATABLE = /^(외로|외롭|적적|쓸쓸|아프|아파|아픈|우울|힘들|괴로|괴롭|불편|어렵|모자라|부족)/;
/** A negation that is itself denied says the thing is there ("외롭지 않다면 거짓말", "안 아픈 건 아니고"). */
const DOUBLE_NEGATION =
  /^[가-힣]{0,3}((지|진|다)?(않|안)(다면|다고하면|다믄)|없다면|없다고하면|아니라면|아니라고하면)거짓말|^[가-힣]{0,2}(다고는|다곤|다고야)(못|할수없|말못)|^[가-힣]{0,3}(않|안|없)(다고는|다곤|다고야)(못|할수없|말못)/;
const DENIED_DENIAL =
  /^[가-힣]{0,2}(건|게|거는|것은|것도|거도|건도)(또)?(아니(고|지|에|야|여|죠|구|라|다)|아닌)/;

/** True when `pattern` matches somewhere in `clause` and no negation follows the match in that clause. */
function matchesUnnegated(clause: string, pattern: RegExp): boolean {
  if (!pattern.test(clause)) return false;
  for (const match of clause.matchAll(globalOf(pattern))) {
    const start = match.index ?? 0;
    const after = clause.slice(start + match[0].length);
    if (DOUBLE_NEGATION.test(after)) return true;
    if (PRE_NEGATABLE.test(match[0]) && /(안|못)$/.test(clause.slice(0, start))) {
      if (DENIED_DENIAL.test(after)) return true;
      continue;
    }
    if (CANCEL_RIGHT_AFTER.test(after) || CANCEL_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

function anyClause(parts: string[], patterns: RegExp[]): boolean {
  return parts.some((clause) => patterns.some((pattern) => matchesUnnegated(clause, pattern)));
}

/** Some clause of compact text says `pattern` without negating it ("춥진 않으니까" tells no cold, "아픈 데는 없구" no illness). */
export function saidUnnegated(compactText: string, pattern: RegExp): boolean {
  return anyClause(clauses(compactText), [pattern]);
}

const NEGATIVE_QUESTION = /없으|않으|아니시|않았|없었|괜찮|잘(하|드|지내|챙|주무)|어떠|어때|어떻게|하진/;
const WELLNESS_QUESTION = /괜찮|잘(하|드|지내|챙|주무|계)|어떠|어때|충분하|넉넉하|감당(이|은)?(되|돼)/;
/** "No" to a wellness question ("건강은 괜찮으세요?"): only at the start of the answer. */
const NEGATIVE_ANSWER =
  /^(아니|아뇨|아녀|안좋|별로|못|힘들|없|거의없|거의안|그렇지않|좀그렇|부족|모자|빠듯|택도|턱도|어렵)/;
/** "None" to a resource question ("수입은 있으세요?"): anywhere in the first clause ("지금은 거의 없다고 봐야죠"). */
const ABSENT_ANSWER =
  /^(아니|아뇨|아녀|없|거의없|거의안)|(거의|전혀|하나도|아예|영)?(없(어|다|죠|습|지|는|고)|안(만나|해|돼))/;
/** A later clause that says the problem is over ("…밀렸는데 이번 달에 다 갚았어요") or not serious ("…크게 힘든 건 아니에요"). */
const RESOLVED =
  /(다|이미|벌써|전부)(갚았|냈어|냈고|냈습|냈죠|해결|끝냈|정리했|정리됐)|(다|이미|벌써|전부)(갚은|낸|갚고난|정리한|끝낸)지|완납|해결(됐|했|되었)|지금은(다)?괜찮|이제는(다)?괜찮|^(근데|그래도)?(크게|그렇게|별로|딱히|심하게|많이)(힘든|심한|어려운|걱정할|문제될|아픈|나쁜)(건|거|게|정도)(는|은|까지는)?(아니|없)/;
/** "관리 잘하고 있어요": a condition kept under control, in the same clause (MANAGED) or a later one. */
const WELL_KEPT = '관리(를)?잘(하|햄|허|해|합)';
/** Resolutions that only end a problem of their own kind ("수술했는데 다 나았어요" ends HEALTH, not INCOME). */
const RESOLVED_BY_TYPE: Partial<Record<CrisisType, RegExp>> = {
  // Treatment that works, a cure, or a sense restored ("수술했는데 이제 잘 보여요").
  HEALTH: new RegExp(
    `(약|치료)[가-힣]{0,6}(먹으니|먹으이|묵으이|묵으니|먹으멍|먹으면|먹어서|먹고|묵고|받으니|받으면|받아서|받고)[가-힣]{0,6}(괜찮|좋|정상|안정|잘나|잘잡)|${WELL_KEPT}|` +
      `관리(잘)?(된다|되고|돼|된대)|(다|이제|지금은|거의)?(나았|완치|회복(됐|했)|좋아졌|괜찮아졌)|관리(잘)?(하고있|되고있|돼요)|(약|치료)(을|도|은)?(잘|꼬박꼬박|꾸준히)(먹|받|챙겨)[가-힣]{0,16}(좋|괜찮|정상|안정)|수치(도|가|는)?(좋|정상|괜찮)|수치(도|가|는)?[가-힣]{0,2}(잡혀|잡혔|유지)|` +
      '(이제|이젠)(는|다)?(잘|멀쩡히|말짱히)(보여|보이|보입|들려|들리|걸어|걷|움직)|(이제|이젠)(는|다)?(안아파|안아프|아픈데(가|는)?없)|' +
      // "여기저기 쑤시긴 한데 아픈 데는 없어요": the ache conceded, the illness denied.
      '^(근데|그래도|그치만)?(크게|딱히|특별히|별로)?(아픈데|아픈곳|아픈건|큰병)(는|은|도|가)?(크게|딱히|별로)?(없|아니)',
  ),
};
const EXCEPT_TAIL =
  /(말고는|말고|빼고는|외에는|외엔)[가-힣]{0,6}(아무것도|다른건|다른거는|별로|딴건)?(없|읎|업)[가-힣]{0,4}$/;
/**
 * Log-odds above which wording alone is a self-harm concern: the engine then asks the direct question. Best F1 in
 * leave-one-corpus-out on the training corpora (recall 0.87, precision 0.79 on single lines); too loose to be a sign
 * by itself in a summary (one call in four without self-harm became an emergency), right for asking.
 */
const SELF_HARM_CONCERN = 12;
const MANAGED = new RegExp(
  `(약|관리)[가-힣]{0,6}(잘|꼬박꼬박|꾸준히|제때)(먹|묵|챙겨|드|하|받)|(약|치료)[가-힣]{0,10}(정상|잘나와|잘나오|잘잡혀|잘잡히|안정|관리잘|관리를잘)|${WELL_KEPT}`,
);
/**
 * The answer states its own negation or that things are fine ("네, 애들 건강하고", "네 전기세도 내고 있고요",
 * "네 밀린 건 없어요"): its "네" is a discourse marker, not a yes to the problem the question names.
 */
const OWN_DENIAL =
  /없(어(?!서|가지고|갖고)|습|다|고|죠|는데|심|어예|데이|제|슈|당)|아니|않|괜찮|건강하|멀쩡|튼튼|(꼬박꼬박|잘|제때|다)?(내고있|내고요|냈어|냈고|내요|갚고있)/;
/** Agreeing by restating the predicate of the question ("모자라요" to "생활비가 부족하신가요?"). */
const LACK_ANSWER =
  /^(많이|하영|영|너무|좀|쪼매|쪼끔|조금|마이|억수로|겁나|솔직히)?(모자라|모자래|모잘라|부족|택도없|턱도없|어림도없|빠듯|빠뜻)/;
/** "Do not call again": a refusal, not a callback ("다시 전화 안 하셔도 돼요"). */
const NO_CALL_AGAIN =
  /((다시|또|앞으로)(는)?|(이런|그런)|(다시|또|앞으로)(는)?(이런|그런))(전화|연락)(은|도|는)?(안|하지마|마세요|마요|말아|필요없|안하셔도|안주셔도|안해도|할필요)/;
/** A clause that refers back and negates ("…없고, 그런 건 아니에요"). */
const BACK_NEGATION = /^(그런|그렇|그거|그건|그게|다그런|뭐그런)[가-힣]{0,6}(아니|없|않)/;
const READ_BACK =
  /정리하면|정리해보면|정리해드리면|말씀이(시)?죠|(라는|다는|신다는|하신다는|셨다는)(거|것|말씀)/;
/** The bot restates what it heard and asks to confirm ("그럼 지금 수입은 전혀 없으신 거네요?"). */
const CONFIRMATION =
  /(거|건|것)(네요|죠|지요|군요|가요|예요|이에요|맞으세요|맞으시죠|맞으신가요|맞습니까|맞죠|맞나요)\?$|(다|라)는(거|말씀)(이시|이)?(죠|네요|군요)\?$/;
/** Pills or poison already taken, told as done ("이미 늦었어요. 약 먹었어요"). */
const OVERDOSE =
  /(약|수면제|농약|제초제|독약|수면유도제|신경안정제)(을|를|도)?[가-힣]{0,6}(먹었|삼켰|마셨|털어넣었)|(모아둔|모아놓은|모아논|모아뒀던|모은)(거|것|약)(을|를)?(다|전부|몽땅|한꺼번에)(먹었|삼켰)/;
const OVERDOSE_CONTEXT =
  /늦었|이미|벌써|방금|한통|통째|많이|전부|몽땅|다먹|한꺼번에|한번에|잔뜩|움큼|웅큼|한주먹|소주|술이랑|술에|술하고/;
/** The bot asks whether someone in the household needs the resident's care. */
const DEPENDENT_QUESTION =
  /돌봄이필요한|돌봐야할|돌봐드려야|돌봐드릴|모셔야할|챙겨야할|보살펴야할|간병(이|을)?(필요|해야)/;
/** "Nobody to look after" in the carer's own voice (돌볼, not 돌봐 줄), with no dependent named before it. */
const NO_DEPENDENT =
  /(?<!(어머니|아버지|엄마|아빠|할머니|할아버지|노모|부모|남편|아내|영감|할멈|아들|딸|애|아이|애들|손주|아기)(를|을|는|은|도)?[가-힣]{0,6})(돌볼|돌봐야할|챙길|모실|보살필)(사람|가족|분|이|식구)(은|는|이|가|도)?(아무도|하나도|딱히)?(없|읎|업)/;
/** A dependent who cannot get up no longer answers the phone: someone must look in now. */
const DEPENDENT = /어머니|아버지|엄마|아빠|할머니|할아버지|노모|부모|남편|아내|영감|할멈/;
const DEPENDENT_FRAIL = /누워|거동|치매|쓰러|못일어나|못움직|편찮/;
const UNREACHABLE = /(전화|연락)(를|을|이|가|도)?(안받|안돼|안되|두절|끊겼|닿지)/;
/** Days without food told across clauses ("물만 먹엄수다. 어제도 그제도."). */
const FOOD_EMERGENCY_SPAN =
  /(물만|못먹|굶|못묵|안먹|못드)[가-힣.,]{0,10}(어제도|그제도|그저께도)[가-힣.,]{0,3}(오늘도|그제도|그저께도)/;
const COST_WORRY =
  /(돈|비용|차비|본인부담|병원비|검사비|치료비|수술비|약값)[가-힣]{0,4}(들까|없|비싸|부담|무서|모자|떨어)/;
const HIGH_TYPE: Record<string, CrisisType> = {
  '퇴거 위기': 'HOUSING',
  '수입 없음': 'INCOME',
  '공과금 단절': 'UTILITIES',
  '비용 때문에 치료 못 받음': 'HEALTH',
  '돌볼 사람 없는 피부양자': 'CARE',
};
const ECHO = /^([가-힣]{1,5}?)(이요|요)?$/;
/** Someone outside the household named as having the problem, or the problem disowned. */
const OTHER_HOUSEHOLD =
  /(따로|멀리|서울|부산|대전|대구|광주|인천|미국|외국|육지|타지)[가-힣]{0,2}(사는|살고|살아|산다|있는)|상관없|(저는|나는|난|전)(괜찮|상관)|동명이인|(었|았|였|했|잃었|라)다던데/;
const OUT_OF_TOUCH = /연락|안와|안오|안온|못와|못오|안보(?!내|태)|못보(?!내|태)|발길|안받|명절/;
/** Relatives and acquaintances, whose troubles are theirs and not the household's. */
const KIN =
  '사촌형|사촌동생|사촌언니|사촌오빠|사촌|조카|형님|형|오빠|언니|누나|동생|큰아들|작은아들|아들|큰딸|작은딸|딸|사위|며느리|자식|친구|손자|손녀|시누|처남';
/** A neighbour, always another household ("옆집 할머니가", "윗집 아저씨는"). */
const NEIGHBOUR =
  '(옆집|윗집|아랫집|앞집|이웃)(집)?(할머니|할아버지|할매|할배|아주머니|아줌마|아저씨|사람|분|양반|언니|형님|총각|아가씨|노인|어르신)?';
const NEIGHBOUR_SUBJECT = new RegExp(`^(근데|그런데|그리고|저기)?${NEIGHBOUR}(이|가|은|는)`);
const SELF_SUBJECT = /^(나|저|내가|제가|난|전|나는|저는|우리집)/;
/** Said with affection or scorn: 동생놈, 딸내미, 아들녀석. */
const KIN_SUFFIX = '(놈|녀석|내미)?';
/** A relative or acquaintance named as the subject anywhere in a clause. */
const OTHER_NAMED = new RegExp(
  `((우리|따로사는)?(${KIN})${KIN_SUFFIX}|${NEIGHBOUR})(이|가|은|는)(?![가-힣]{0,2}(랑|하고|와))`,
);
const OTHER_SUBJECT = new RegExp(
  `^(근데|그런데|그리고|다만|아니요|아뇨|아니|어|아)?(우리)?(따로사는|[가-힣]{2,3}(에)?사는)?((${KIN}|아는언니|아는형|아는사람)${KIN_SUFFIX}|${NEIGHBOUR})(은|는|이|가|도)|따로사는(${KIN})|그건동명이인`,
);
/** A question whose "네" means the problem is over ("일자리는 구하셨어요?"). */
const SOLVED_QUESTION = /구하셨|구했|해결(되|하)셨|나으셨|갚으셨|내셨|찾으셨|풀리셨|좋아지셨/;
/** "한 오천?" to "빚은 어느 정도 되세요?": an amount answered to a question about a debt's size. */
const AMOUNT_QUESTION = /얼마|어느정도|몇/;
const AMOUNT_ANSWER =
  /^(한|약|대충|거의|글쎄)?[일이삼사오육칠팔구십백천만억0-9]+(만|천|백|억)?(원|정도|쯤)?$/;
const CALLBACK_OFFER =
  /(다시|나중에|이따)[가-힣]{0,4}(연락|전화|통화)[가-힣]{0,4}(드릴까|드려도|할까|하는게나을|드리는게나을)|언제(쯤)?[가-힣]{0,4}(통화|전화|연락)(가|이)?(가능|편하|괜찮|되)/;
const PRESENT_ANSWER =
  /^(좀|조금|쪼끔|쪼매|약간|많이|꽤|있|있어|있죠|있지|있습)|(좀|조금|쪼끔|약간|많이|꽤)있(어|죠|지|습|다|는)/;
/** Nouns a question lists: an answer that names some of them without a predicate carries the question's. */
const LISTED = /전기|수도|가스|난방|보일러|월세|관리비|카드|대출|보험료|통신비|휴대폰|병원비|약값/g;
/** What may join the named items in such an answer ("수도랑 전기 다요", "가스하고 전기요"). */
const LIST_GLUE = /[.,?!]|이랑|랑|하고|그리고|과|와|둘다|셋다|전부|모두|다|이요|요|도|네|예|음|그|거|만/g;
const UNSURE = /모르겠|모르것|몰라|글쎄|그냥생각만|생각만|가끔/;

/**
 * "외롭기는 뭐가 외로와", "아프긴요": a predicate taken up with …기는/…긴 and a rhetorical 뭐가 denies it
 * ("없긴 뭐가 없어" denies a denial, so it is left to the other patterns).
 */
// "따뜻하긴 뭐가 따뜻해요" denies the comfort, not the problem: it is no denial of what follows.
const RHETORICAL_DENIAL =
  /^(?!없|안|못|따뜻|괜찮|좋|편하|편허|넉넉|든든|배부|살만|살기좋)[가-힣]{1,8}(기는|긴)(요)?(뭐가|무슨|뭘|머가|무신|뭐|먼)|^(?!없|안|못)[가-힣]{1,8}(하긴|하기는|롭긴|프긴)(요)?$|^[가-힣]{1,6}(은|는)무슨$|^[가-힣]{1,6}(틈|새|시간|여유|겨를)(이|가|도)?(어디|어딨|없)/;

/** The bot's last question sentence (compact), or '' when it asked nothing. */
export function lastQuestion(compactBot: string): string {
  return (
    compactBot
      .split(/(?<=[.!?])/)
      .filter((s) => s.endsWith('?'))
      .pop() ?? ''
  );
}

/** Crisis types implied by a short answer to the bot's question. */
function fromQuestion(
  answer: string,
  whole: string,
  context: UnderstandingContext,
  affirm: boolean,
  deny: boolean,
): CrisisType[] {
  const bot = compact(context.botText);
  const question = lastQuestion(bot);
  let topics: CrisisType[];
  if ((CRISIS_TYPES as readonly string[]).includes(context.expecting))
    topics = [context.expecting as CrisisType];
  else topics = QUESTION_TOPICS.filter((t) => t.pattern.test(question)).map((t) => t.type);
  // A read-back of several needs is carried clause by clause (see `carried`), not as one topic; an offer to
  // call back ("생활 형편을 여쭤보려 했는데, 나중에 다시 연락드릴까요?") asks about the call, not the topic.
  if (topics.length !== 1 || !question || RESOLVED.test(answer) || READ_BACK.test(question)) return [];
  if (CALLBACK_OFFER.test(question)) return [];
  // "그래요 물어봐" to "생활 형편을 몇 가지 여쭤봐도 될까요?" gives consent, not a problem.
  if (/여쭤(봐|보)도|물어(봐|보)도|여쭈어도|통화(가)?괜찮/.test(question)) return [];
  if (SOLVED_QUESTION.test(question)) return [];
  if (topics[0] === 'DEBT' && AMOUNT_QUESTION.test(question) && AMOUNT_ANSWER.test(answer)) return topics;
  // "…하는 게 다예요" to "하루에 대화는 누구와 하세요?": that little is all there is.
  if (topics[0] === 'ISOLATION' && /(게|거|것이)(다|전부)(예요|에요|야|여|다|이다)?[.]?$/.test(whole))
    return topics;
  const negativeAnswer =
    (deny || NEGATIVE_ANSWER.test(answer)) && !/(건|게|거는|것은)아니|^그런(거|건)없/.test(answer);
  if (RESOURCE_QUESTION.test(question)) return deny || ABSENT_ANSWER.test(answer) ? topics : [];
  // "좀 있어요" to "빚은 없으시죠?": the problem the question hoped absent is there.
  if (/없으|없지|없죠|없나/.test(question)) {
    if (PRESENT_ANSWER.test(answer) && !OWN_DENIAL.test(whole)) return topics;
    if (/(다고는|다곤|라고는)(못|할수없|말못)/.test(answer)) return topics;
  }
  if (WELLNESS_QUESTION.test(question)) return negativeAnswer && !affirm ? topics : [];
  if (!NEGATIVE_QUESTION.test(question) && LACK_ANSWER.test(answer)) return topics;
  if (!NEGATIVE_QUESTION.test(question) && affirm && !deny && !OWN_DENIAL.test(whole)) return topics;
  return [];
}

const NOBODY = /(진짜|정말|옆에|곁에|집에|여기)?아무도(없|안)[가-힣]*/;
const NOBODY_GLOBAL = new RegExp(NOBODY.source, 'g');
const CARE_NEED =
  /넘어|자빠|못일어나|일어나지못|못움직|꼼짝|누워|화장실|부축|돌봐|돌보|돌볼|수발|보호자|거동|간병|모시|봐줄|봐주|치매|기저귀|혼자서는/;
const BILL_AVOIDED =
  /(고지서|독촉장|청구서|우편물|요금)[가-힣]{0,10}(쌓아|쌓였|쌓여|못뜯|뜯어보지|안뜯|무서워|겁나)|(겁나|무서워)서[가-힣]{0,4}(뜯어보지|못뜯|안뜯|못열|열어보지)/;
const STRONG_DEBT = /빚|대출|카드|사채|보험료|신용불량|돌려막|압류|빌린돈|외상/;
const ARREAR = /((?<!안|않)(밀렸|밀려|밀린)|체납|연체|못냈|못내고)/;
const ARREAR_SUBJECTS: { type: CrisisType; pattern: RegExp }[] = [
  { type: 'UTILITIES', pattern: /전기|가스|수도|난방|공과금/ },
  { type: 'HOUSING', pattern: /월세|관리비|집세|방세|고시원|임대료/ },
  { type: 'DEBT', pattern: /보험료|건보료|카드|대출|통신|휴대폰|이자/ },
];

/** "그거 2개월 밀렸어요" names no bill: it is the one the bot just mentioned. */
function arrearFromBot(parts: string[], botText: string): CrisisType | undefined {
  const said = parts.find((clause) => {
    const match = clause.match(ARREAR);
    if (!match) return false;
    const after = clause.slice((match.index ?? 0) + match[0].length);
    return !CANCEL_AFTER.test(after) && !CANCEL_RIGHT_AFTER.test(after);
  });
  if (!said || ARREAR_SUBJECTS.some((s) => s.pattern.test(said))) return undefined;
  const bot = compact(botText);
  const subjects = ARREAR_SUBJECTS.filter((s) => s.pattern.test(bot));
  return subjects.length === 1 ? subjects[0]?.type : undefined;
}

function anyCrisis(clause: string): boolean {
  return CRISIS_TYPES.some((type) => anyClause([clause], CRISIS_PATTERNS[type]));
}

/** Four-digit year or "58년생" / "오십팔년생" → birth year. */
function birthYearOf(text: string): number | undefined {
  const four = text.match(/(19\d{2}|20[0-2]\d)년?/);
  if (four) return Number(four[1]);
  const two = text.match(/(\d{2})년(생|도)?/);
  if (two) return 1900 + Number(two[1]);
  const spoken = text.match(
    /([일이삼사오육칠팔구십]+)년(생|도|이요|요|이에요|입니다|이여|이래요|(?![가-힣]))/,
  );
  if (spoken?.[1]) {
    const value = parseKoreanNumber(spoken[1]);
    // "삼 년이요" is a duration, not a year of birth.
    if (value !== undefined && value < 100 && (value >= 20 || spoken[2] === '생')) return 1900 + value;
  }
  return undefined;
}

const JOB_NAMED = /노인일자리|공공근로|일자리|알바|일용직|계약직|아르바이트|희망일자리|자활/;
const JOB_ENDED =
  /^(그게|그것도|그거|거기서|거기도|그일도|그일이)?[가-힣]{0,8}(끝났|끝나서|끊겼|끊겨|없어졌|안불러|그만두래|나가래|자리가없)/;

/** "…방법 없을까요?", "…안 깨나요?": a question after the sign asks, it does not deny. */
const ASKING_AFTER = /^(이|가|은|는|도)?(없을까|없나|없는지|없겠|있을까|있나|있는지)/;

function signUnnegated(clause: string, pattern: RegExp): boolean {
  if (!pattern.test(clause)) return false;
  for (const match of clause.matchAll(globalOf(pattern))) {
    const after = clause.slice((match.index ?? 0) + match[0].length);
    if (ASKING_AFTER.test(after)) return true;
    // Only a negation close after the sign takes it back ("죽고 싶진 않아요"), not one about something else
    // later in a long clause ("그만 가도 되겄슈, 누가 말리도 않고").
    if (CANCEL_RIGHT_AFTER.test(after) || CANCEL_AFTER.test(after.slice(0, 12))) continue;
    return true;
  }
  return false;
}

const ALL_SIGNS = [...WARNING_SIGNS, ...GENERATIVE_SIGNS];

/**
 * The gatekeeper warning sign heard in the resident's own clauses: a plain sign first, else an ambiguous one
 * (review). A sign counts only when no negation follows it in its clause and its `unless` context is absent.
 */
function warningSignIn(clauses: string[]): WarningSign | undefined {
  // "남편 있는데 / 로 나도 가야지": the …는데 split must not cut a place phrase ("있는 데로") in two.
  // `unless` also looks at the clauses either side: "바다에 나가 있어요, 고기 잡으러".
  const spans = clauses.flatMap((clause, i) => {
    const around = `${clauses[i - 1] ?? ''}.${clause}.${clauses[i + 1] ?? ''}`;
    const next = clauses[i + 1];
    return clause.endsWith('는데') && next
      ? [
          { clause, around },
          { clause: `${clause}${next}`, around },
        ]
      : [{ clause, around }];
  });
  const heard = (sign: WarningSign) =>
    spans.some(({ clause, around }) => {
      const read = sign.window ? around : clause;
      return (
        sign.pattern.test(read) &&
        !sign.unless?.test(around) &&
        (!sign.context || sign.context.test(around)) &&
        signUnnegated(read, sign.pattern)
      );
    });
  return ALL_SIGNS.find((s) => !s.review && heard(s)) ?? ALL_SIGNS.find((s) => s.review && heard(s));
}

// A simulated campaign replays the same scripted lines to the same questions thousands of times, and the
// summarizer re-reads every turn; a bounded memo of this pure function serves those (a Lambda keeps it per
// container). Callers get their own copy, so they may change it.
const ANALYSES = new Map<string, UtteranceAnalysis>();
const ANALYSES_LIMIT = 2048;

function copyAnalysis(analysis: UtteranceAnalysis): UtteranceAnalysis {
  return {
    ...analysis,
    crises: [...analysis.crises],
    high: [...analysis.high],
    ...(analysis.danger ? { danger: { ...analysis.danger } } : {}),
  };
}

/** A time named in the utterance ("세 시 넘어서", "저녁에", "내일 오전"). */
const TIME_WORD =
  /오늘|내일|모레|이따|있다가|저녁|오전|오후|아침|점심|[0-9한두세네섯곱덟홉열]시(?!도|간)|요일|다음주|담주|주말/;
/** Asked to call (back): "…해 주세요", "…걸어 줘요", "전화 주세요". */
const CALL_REQUEST =
  /(해|걸어|전화|연락|전화해|연락해|다시해)(주세요|줘요|주시|줘|주소|주이소|주쇼|주씨요|주라|주면|주셔|줍서|주십서|줍써|줘유|주슈)(?!서)|(하이소|하입시더|하소|하시오|하십시오)$|(하이소|하입시더)[.,]/;

/** "다섯 시 넘어서 해 주세요": a time and a request to call, whatever the bot asked. */
function timedCallRequest(text: string): boolean {
  return TIME_WORD.test(text) && CALL_REQUEST.test(text) && !/(전화|문자|연락)(로|루)/.test(text);
}

/** A direct question about suicide or self-harm (not "지금 안전하세요?", which asks about violence). */
const SUICIDE_PROBE =
  /죽고싶|안좋은생각|안좋은마음|해치|해칠|해쳐|스스로|극단적|자살|목숨|나쁜생각|나쁜마음|삶을(끝|그만|포기)|살기싫|사라지고싶/;
/** Dodging the question: not answering, stopping it, or ending the call on it. */
const PROBE_DODGED =
  /물어보지(마|말)|묻지(마|말)|그만물어|그런거(왜|를왜)?물어|왜물어|뭐하러물어|그건왜|다음에(얘기|이야기|말)|나중에(얘기|이야기|말)|말안(해|할|하|합)|말못(해|하)|말하기싫|대답(안|못|하기싫)|(됐|됬)(어|다|고|소|심|당|습|네|으니)|괜히말|끊(어|을|겠|습|으께|소|는다)|모르겠|모르것|몰라|글쎄|알아서뭐|알아서뭣/;
/** Denying the thought itself, which a later half-denial can still take back. */
const PROBE_DENIED =
  /왜죽|죽긴왜|그런말(씀)?(마|하지마)|(그런|그|죽을|죽고싶은|나쁜)(생각|마음|맘)(은|도|까지는|까진|까지)?(전혀|진짜|정말|절대)?(안|없|않|아니)|(그런|그)(거|건|게|것은|거는|정도는|정도)(는|은)?(전혀|절대|진짜|정말)?(아니|아녀|아입|없|아이)|말이그렇|말버릇|하는소리|입버릇|죽을(맛|것같)|(절대|전혀)(아니|안|없)|(^|[.,?!])(아뇨|아니요|아니에요|아녀요|아닙니다|아입니더)/;
/** Half denials: the plan denied, the thought kept ("구체적으로는 아니고", "안 해 본 건 아니죠", "생각만"). */
const PROBE_HALF =
  /구체적(으로)?(는|인건|인거는|인건은)?(아니|없|안)|(안해본|안해봤|없는|없었던|안든|안드는)(건|것은|거는|거)(아니|아녀|아입)|(그런)?생각(이|은|만)?(들|나|듭|납|할때)(?!지(도|는|를)?않|진않|진안)|생각만|가끔|이따금|종종|때때로|아니라고(해야|하면|할게|하죠|해야죠|해야겠|하면되)|(오늘|오늘밤|이번엔)(은|는)(안|아니)(간다|가|해|할|죽)/;

/** A denied denial or an appeal to what is obvious ("안 했다면 거짓말이죠", "안 하는 날이 없지예", "안 그렇다고는 못 하겠네요", "알잖아요"). */
const PROBE_CONCEDED =
  /(안|않|없)[가-힣]{0,4}(다면|다고하면|다믄|다카면|다하면|다그러면)거짓말|(안|않|안해본|안한)[가-힣]{0,3}(날|때|적|밤)(이|은|도|가)?(하루도)?(없|드물)|(다고는|다곤|라고는)(못|말못|할수없)|알잖|아시잖|말안해도|뻔하잖|뻔하지|(말하면|말해서|말해가|말로해가|말로해서|얘기하면|얘기해서|말해)[가-힣]{0,2}(뭐|뭣|머|무슨)|솔직히[.,]?(네|예|그래|있|가끔|조금)/;
/** The thought told as a habit ("그런 생각이사 매일 하지", "다 한 번씩은 그러잖아요, 요샌 더 자주"). */
const PROBE_HABITUAL =
  /(매일|맨날|날마다|늘|항상|하루에도|밤마다|한번씩|수시로|자주|요새|요샌|요즘)([가-힣]{0,6}(하|해|들|나|그래|그렇|그러)|(이요|요|이에요|이죠|이지)(?![가-힣]))/;

/** An answer to a direct self-harm question that does not deny it: dodged, half denied, or silence. */
function probeNotDenied(text: string): boolean {
  if (text.replace(/[.,?!]/g, '') === '') return true;
  if (PROBE_HALF.test(text) || PROBE_CONCEDED.test(text)) return true;
  if (PROBE_HABITUAL.test(text) && !/안|않|없|아니|아뇨|아녀/.test(text)) return true;
  return PROBE_DODGED.test(text) && !PROBE_DENIED.test(text);
}

/** "그때는 묵고 살기 힘들었지": hardship told of a time gone by. */
const PAST_HARDSHIP =
  /^(그때는|그땐|그시절|그시절엔|예전엔|예전에는|예전에|옛날엔|옛날에는|옛날에|왕년에|젊을때|젊었을때|젊어서)/;
const PAST_TENSE_END = /(었|았|했|였)(지|어|다|죠|제|소|고)?$/;
/** A state guessed at ("힘든가 봐요") or heard from others ("빚이 많다 카더라꼬예"). */
const GUESSED_OR_HEARSAY =
  /((는가|은가|든가|운가|한가|나|가)봐(요|유|예)?|(다|라)(카더라|카데|더라|던데|카던데|캅디다)(꼬|고)?(예|요)?|(다|라)고(하|그러|카)(더라|던데|데)(고|구)?(요|예|유)?)$/;
/** A clause that only says where someone lives ("대구 사는데"). */
const WHERE_THEY_LIVE = /^[가-힣]{1,5}(에|서)?(사는데|사는디|살고|있는데|있는디)$/;

/**
 * The problem in clause `index` is someone else's, not the household's: "따로 사는 형이 실직해서", "아들은 빚이 좀
 * 있다던데 저랑은 상관없어요", "우리 딸이에요 / … 월세도 밀리고 많이 힘든가 봐요", "우리 아들이 문제여 부산 사는디 /
 * 회사 짤리고" (the subject carries into the next clause, also past one that only says where they live). A relative
 * out of touch is the resident's own isolation ("육지 사는 아들은 연락 끊긴 지 오래").
 */
function someoneElses(parts: string[], index: number, text: string): boolean {
  const clause = parts[index] ?? '';
  if (OTHER_HOUSEHOLD.test(text) && OTHER_SUBJECT.test(clause) && !OUT_OF_TOUCH.test(clause)) return true;
  if (OTHER_NAMED.test(text) && GUESSED_OR_HEARSAY.test(clause)) return true;
  const before = parts[index - 1];
  // A neighbour named, and the next clause goes on about them ("옆집 할머니가 혼자 사시는데 / 며칠 안 보이시고").
  if (NEIGHBOUR_SUBJECT.test(clause)) return true;
  if (before !== undefined && NEIGHBOUR_SUBJECT.test(before) && !SELF_SUBJECT.test(clause)) return true;
  const previous =
    before !== undefined && OTHER_NAMED.test(before)
      ? before
      : before !== undefined && WHERE_THEY_LIVE.test(before)
        ? parts[index - 2]
        : undefined;
  return (
    OTHER_HOUSEHOLD.test(text) &&
    previous !== undefined &&
    OTHER_NAMED.test(previous) &&
    !anyCrisis(previous) &&
    !OUT_OF_TOUCH.test(clause) &&
    !SELF_SUBJECT.test(clause)
  );
}

/** Analyzes one utterance with rules (pure). */
export function analyzeUtterance(utterance: string, context: UnderstandingContext): UtteranceAnalysis {
  const key = `${context.expecting}\u0000${context.botText}\u0000${utterance}`;
  let analysis = ANALYSES.get(key);
  if (!analysis) {
    analysis = analyzeFresh(utterance, context);
    if (ANALYSES.size >= ANALYSES_LIMIT) ANALYSES.clear();
    ANALYSES.set(key, analysis);
  }
  return copyAnalysis(analysis);
}

function analyzeFresh(utterance: string, context: UnderstandingContext): UtteranceAnalysis {
  const result = emptyAnalysis();
  const text = compact(utterance);
  if (!text) return result;
  const parts = clauses(text);
  const head = parts[0] ?? '';

  result.affirm =
    ACTS.affirm.test(head) ||
    (parts.length > 1 && /^(내가?맞|맞(아|는데|습|어|소|다|제))/.test(parts[1] ?? ''));
  // "없다고는 못 하죠" denies the denial.
  result.deny = ACTS.deny.test(head) && !/(다고는|다곤|라고는)(못|할수없|말못)/.test(head);
  for (const act of [
    'refuse',
    'wrongPerson',
    'optOut',
    'scam',
    'repeat',
    'slower',
    'hangUp',
    'visitRequest',
    'phoneRequest',
    'noFollowUp',
  ] as const) {
    result[act] = parts.some((clause) => ACTS[act].test(clause)) || ACTS[act].test(text);
  }
  const noCallAgain = NO_CALL_AGAIN.test(text);
  result.callback = (ACTS.callbackAsk.test(text) || timedCallRequest(text)) && !noCallAgain;
  if (noCallAgain) result.refuse = true;
  result.codeMismatch = /(번호|숫자|코드|인증번호)(가|랑|하고|와|는)?.{0,6}(달라|틀려|다른|안맞|다르)/.test(
    text,
  );
  const year = birthYearOf(text);
  if (year !== undefined) result.birthYear = year;

  const crises = new Set<CrisisType>();
  const bot = compact(context.botText);
  // "돌볼 사람은 없고예" to "돌봄이 필요한 가족이 계신가요?" says there is nobody to look after: no dependent, no need.
  const noDependent = (clause: string) => DEPENDENT_QUESTION.test(bot) && NO_DEPENDENT.test(clause);
  // Which clauses tell someone else's problem: read once, by the crisis types, the HIGH triggers and the bills.
  const theirs = parts.map((_, index) => someoneElses(parts, index, text));
  for (const [index, clause] of parts.entries()) {
    if (noDependent(clause)) continue;
    const later = parts.slice(index + 1);
    if (BACK_NEGATION.test(later[0] ?? '')) continue;
    if (RHETORICAL_DENIAL.test(clause)) continue;
    // "독촉이요?", "치료요?": the bot's word echoed back, not a report.
    const echo = clause.match(ECHO);
    if (echo?.[1] && bot.includes(echo[1])) continue;
    if (PAST_HARDSHIP.test(clause) && PAST_TENSE_END.test(clause)) continue;
    if (theirs[index]) continue;
    // "허리 아파서 병원 다니는 거 말고는 없어요": what comes before "말고는" is affirmed, not negated.
    // The tail itself may carry a need too ("저 말고는 말할 사람이 없으세요"): both are read.
    const excepted = clause.replace(EXCEPT_TAIL, '');
    const readings = excepted === clause ? [clause] : [clause, excepted];
    // "고혈압 약은 잘 먹고 있고": a condition kept under control in the same breath is no health problem.
    const managed = MANAGED.test(clause) && !/아파|아프|통증|못|안좋|힘들|떨어/.test(clause);
    const heard = CRISIS_TYPES.filter(
      (type) =>
        readings.some((reading) => anyClause([reading], CRISIS_PATTERNS[type])) &&
        !(type === 'HEALTH' && managed) &&
        !later.some((l) => RESOLVED_BY_TYPE[type]?.test(l) && !anyCrisis(l)),
    );
    if (heard.length > 0 && later.some((l) => RESOLVED.test(l) && !anyCrisis(l))) continue;
    // A utility or rent arrear (with its 독촉/연체) is UTILITIES or HOUSING, not DEBT on top (labeling convention).
    const billOnly = (heard.includes('UTILITIES') || heard.includes('HOUSING')) && !STRONG_DEBT.test(clause);
    for (const type of heard) if (!(type === 'DEBT' && billOnly)) crises.add(type);
  }
  if (!CARE_CONTEXT.test(text) && anyClause(parts, [CARE_CONDITION])) crises.add('HEALTH');
  for (const type of fromQuestion(head, text, context, result.affirm, result.deny)) crises.add(type);
  // "두 달 밀렸었는데 … 다 갚았어요": an arrear paid back names no bill.
  const arrear = RESOLVED.test(text) ? undefined : arrearFromBot(parts, context.botText);
  if (arrear) crises.add(arrear);
  // "네" to a question that states a problem ("전기가 끊긴 상태인가요?") carries the problem itself.
  const question = lastQuestion(bot);
  // Only a positive question carries its problem; "네, 괜찮아요" to "…없으세요?" means none, and a resolution wins.
  const carries =
    question &&
    result.affirm &&
    !result.deny &&
    (!/없으|않으|아니시|괜찮/.test(question) || CONFIRMATION.test(question)) &&
    !/^괜찮/.test(head) &&
    !OWN_DENIAL.test(text);
  // "수도랑 전기 다요" to "전기, 수도, 가스 중에 끊긴 게 있나요?": items named back, no predicate of its own.
  const namedBack =
    question &&
    !result.deny &&
    !/없으|않으|아니시|괜찮/.test(question) &&
    (text.match(LISTED) ?? []).some((item) => question.includes(item)) &&
    text.replace(LISTED, '').replace(LIST_GLUE, '') === '';
  const carried = (carries || namedBack) && !RESOLVED.test(text) ? clauses(question) : [];
  for (const type of CRISIS_TYPES) if (anyClause(carried, CRISIS_PATTERNS[type])) crises.add(type);

  // Fear of dying alone unnoticed or a frightened "죽을까 봐" is not a wish to die.
  // "삶을 끝내긴요" takes the thing back as it names it.
  const ownVoice = parts.filter(
    (clause) =>
      !DISOWNED_WISH.test(clause) &&
      !/^[가-힣]{1,10}(긴|기는)(요|유|예)?$/.test(clause) &&
      (!NOT_SELF_HARM.test(clause) || STATED_WISH.test(clause)),
  );
  const sign = warningSignIn(ownVoice);
  if (sign) {
    result.selfHarm = true;
    result.selfHarmSign = sign.kind;
    if (sign.review) result.selfHarmReview = true;
  }
  if (anyClause(ownVoice, [SUDDEN_CALM])) result.calm = true;
  // Only a direct, positive question about self-harm makes "네" / "모르겠어요" a signal (not a read-back).
  const probeQuestion = lastQuestion(bot);
  // "…생각을 하고 계신 건 아니세요?" asks the same thing politely: "네" is ambiguous there, "몰라요" is not.
  // "안전하세요?" asks about violence: only a question about self-harm or its means makes "네" a signal.
  const probe = SUICIDE_PROBE.test(probeQuestion) || /위험한물건|계획/.test(probeQuestion);
  const positiveProbe = probe && !/아니시|않으|없으/.test(probeQuestion);
  if (
    probe &&
    !result.deny &&
    !PROBE_DENIED.test(text) &&
    ((positiveProbe && result.affirm) || UNSURE.test(text))
  ) {
    result.selfHarm = true;
    result.selfHarmSign ??= 'DIRECT';
  }
  // Gatekeeper rule: a direct question about self-harm that is dodged ("그런 거 묻지 마세요, 끊을게요") or only
  // half denied ("구체적으로는 아니고… 그런 생각이 들어요") is answered, not denied.
  if (SUICIDE_PROBE.test(probeQuestion) && !result.selfHarm && probeNotDenied(text)) {
    result.selfHarm = true;
    result.selfHarmReview = true;
    result.selfHarmSign ??= 'DIRECT';
  }
  if (result.selfHarm) crises.add('MENTAL_HEALTH');
  // A self-harm question answered with a denial rules it out for the call ("아니요, 그런 생각은 없어요").
  if (SUICIDE_PROBE.test(probeQuestion) && !result.selfHarm && (result.deny || PROBE_DENIED.test(text)))
    result.selfHarmDenied = true;
  // Wording in the field of self-harm, in the resident's own voice, that no known sign covers.
  if (
    !result.selfHarm &&
    !result.selfHarmDenied &&
    ownVoice.length > 0 &&
    selfHarmWordingScore(ownVoice.join('.')) > SELF_HARM_CONCERN
  )
    result.selfHarmConcern = true;

  for (const { pattern, hotline, unless, medical } of DANGER_PATTERNS) {
    if (
      parts.some(
        (clause) => pattern.test(clause) && !unless?.test(clause) && matchesUnnegated(clause, pattern),
      )
    ) {
      result.danger = { hotline };
      // An acute illness told now is a health crisis as well as a danger.
      if (medical) crises.add('HEALTH');
      break;
    }
  }
  const highText = [text, ...carried].join('.');
  // A trigger told of someone else ("언니는 대구 살아요 / 암 수술하고 돈도 없다고 하더라고요") is theirs.
  const ownNeedClauses = parts.filter((clause, index) => !noDependent(clause) && !theirs[index]);
  result.high = [
    ...new Set(
      HIGH_PATTERNS.filter(
        ({ pattern, context, orQuestion }) =>
          anyClause([...ownNeedClauses, ...carried], [pattern]) &&
          (!context || context.test(highText) || (orQuestion === true && context.test(question))),
      ).map(({ signal }) => signal),
    ),
  ];
  // "이틀은 넘었쥬" to "식사 못 하신 지 오래되셨어요?": two days and more without food, told to the question.
  const hungerForDays =
    /식사|끼니|진지|드셨|드신|먹은|먹을|굶/.test(question) &&
    /(못|안|거르|굶|오래|언제)/.test(question) &&
    /^(네|예|응)?(이틀|사흘|나흘|닷새|며칠|일주일|[2-9]일)(은|이|도|째)?[가-힣]{0,2}(넘|됐|되었|지났|째)/.test(
      head,
    );
  if (
    anyClause([...parts, ...carried], [FOOD_EMERGENCY]) ||
    FOOD_EMERGENCY_SPAN.test(text) ||
    hungerForDays
  ) {
    result.foodEmergency = true;
    crises.add('FOOD');
  }
  // "수입이요? 없다고 보시면 돼요" to a question about income: a clause that opens with 'none'.
  if (
    /수입|소득|벌이|들어오는돈|생활비(는|가)?(어디서|어떻게|얼마)|돈(은|이)?어디서|먹고사/.test(question) &&
    (!/없으|않으|아니시|괜찮|문제/.test(question) ||
      (CONFIRMATION.test(question) && /전혀|아예|하나도|없으신거|없다는/.test(question))) &&
    parts.some((c) =>
      /^(네|예|응|맞아요)?(없|거의없|하나도|한푼도|전혀|안나와|안나오|아무데서도|나올데)/.test(c),
    )
  ) {
    crises.add('INCOME');
    if (!result.high.includes('수입 없음')) result.high.push('수입 없음');
  }
  // "끊겼어요 나흘 전에", "안 나온 지 열흘 됐나" name no utility: it is the one the bot asked about.
  const cutTold =
    /끊겼|끊긴|끊겨|끊더라|끊어졌|중단됐|중단되었/.test(text) &&
    !/(안|않|아니)[가-힣]{0,2}(끊|중단)|(끊|중단)[가-힣]{0,4}(안|않|아니|없)/.test(text);
  const offFor =
    /^[가-힣]{0,3}(안|못)(나온|들어온)지/.test(head) &&
    /나오|들어오/.test(question) &&
    !/안나온지얼마안/.test(text);
  if ((cutTold || offFor) && /전기|가스|수도|난방|공과금|물(은|이|도)/.test(bot)) {
    crises.add('UTILITIES');
    if (!result.high.includes('공과금 단절')) result.high.push('공과금 단절');
  }
  // "못 갔어요. 돈 들까 봐." to "병원 가보셨어요?": treatment named by the question, refrained from for cost.
  if (
    /병원|치료|검사|수술|진료|투석|항암|시술|인슐린|재활/.test(bot) &&
    ((COST_WORRY.test(text) && /(못|안)(갔|가|받|해|했)|엄두|그만뒀|그만두|중단|취소|끊었/.test(text)) ||
      /돈(이)?있으면[가-힣]{0,3}(갔|가지|했|받았)|돈(이)?있어야[가-힣]{0,2}(가|받|하)/.test(text)) &&
    !result.high.includes('비용 때문에 치료 못 받음')
  ) {
    crises.add('HEALTH');
    result.high.push('비용 때문에 치료 못 받음');
  }
  if (OVERDOSE.test(text) && (OVERDOSE_CONTEXT.test(text) || SELF_HARM_PROBE.test(bot))) {
    result.selfHarm = true;
    result.selfHarmSign ??= 'INJURY';
    result.danger = { hotline: '119' };
    crises.add('MENTAL_HEALTH');
  }
  if (DEPENDENT.test(text) && DEPENDENT_FRAIL.test(text) && UNREACHABLE.test(text)) {
    result.danger ??= { hotline: '119' };
    crises.add('CARE');
    if (!result.high.includes('돌볼 사람 없는 피부양자')) result.high.push('돌볼 사람 없는 피부양자');
  }
  // Illness left untreated for money, said across clauses ("검사 받으라는데, 돈이 없어서 못 가고").
  if (/병원|치료|검사|수술|약/.test(text) && /돈(이|도)?없어서[가-힣]{0,6}못(가|받|하|사|타)/.test(text)) {
    crises.add('HEALTH');
    if (!result.high.includes('비용 때문에 치료 못 받음')) result.high.push('비용 때문에 치료 못 받음');
  }
  // Bills piled up unopened or feared ("고지서 겁나서 뜯어보지도 못하고 쌓아놨어요"): the bill named, else the bot's.
  if (
    parts.some((clause, index) => BILL_AVOIDED.test(clause) && !theirs[index]) ||
    (/안뜯|못뜯|뜯어보지|안열어|못열어/.test(text) && /고지서|요금|독촉장|청구서|우편/.test(bot))
  ) {
    const subject =
      ARREAR_SUBJECTS.find((s) => s.pattern.test(text)) ?? ARREAR_SUBJECTS.find((s) => s.pattern.test(bot));
    crises.add(subject?.type ?? 'DEBT');
  }
  // A job named, then its end in a later clause ("노인일자리 …받았는데, 그게 지난달로 끝났어요").
  if (JOB_NAMED.test(text) && parts.some((clause) => JOB_ENDED.test(clause))) crises.add('EMPLOYMENT');
  // An amount, then "그게 다예요" ("통장에 삼천 원? 그게 다예요").
  if (
    /원[?.,!]*(그게|그거|이게|그것이)(다|전부)(예요|에요|여|야|이다|입니다|요|다|이여)?(?![가-힣])/.test(text)
  )
    crises.add('INCOME');
  // "아무도 없어요" after a fall or to "누가 돌봐 드리나요?" is nobody to care, not loneliness.
  if (crises.has('ISOLATION') && NOBODY.test(text) && CARE_NEED.test(`${text}.${bot}`)) {
    const rest = parts.map((clause) => clause.replace(NOBODY_GLOBAL, ''));
    if (!anyClause(rest, CRISIS_PATTERNS.ISOLATION)) {
      crises.delete('ISOLATION');
      crises.add('CARE');
    }
  }
  // A HIGH trigger names its crisis type ("갈 데가 없어요" to a question about the lease is HOUSING).
  for (const signal of result.high) {
    const type = HIGH_TYPE[signal];
    if (type) crises.add(type);
  }
  // "저는 안 먹어요. 돈 아끼려고": a meal given up for money, said across clauses.
  if (/(안|못)(먹|묵)(어|고|는|었)/.test(text) && /돈(아끼|아낄|없|이없|때문)|아끼려|아낄라/.test(text))
    crises.add('FOOD');
  // Skipping a meal to lose weight is not hunger.
  if (/다이어트|살빼|살을빼/.test(text)) crises.delete('FOOD');
  result.crises = CRISIS_TYPES.filter((t) => crises.has(t));
  return result;
}

/** The local default `Understanding`: Korean rules, no network. */
export class RuleUnderstanding implements Understanding {
  readonly name = 'rules';

  async understand(utterance: string, context: UnderstandingContext): Promise<UtteranceAnalysis> {
    return analyzeUtterance(utterance, context);
  }
}
