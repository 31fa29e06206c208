/**
 * Rule-based consultation summary (contract 3.3) from a transcript: each resident turn is read with the rule
 * understanding against the bot's preceding question; outcome, urgency and follow-up follow the rubric of
 * shared/eval/dev/README.md. The local default, and the fallback when the model fails.
 */
import {
  type ConsultationOutcome,
  type ConsultationSummary,
  CRISIS_TYPES,
  type CrisisType,
  type FollowUp,
  type Urgency,
} from '../consultation-summary.ts';
import {
  ANYTHING_ELSE_PROMPT,
  CRISIS_LABELS,
  FOLLOW_UP,
  SAFETY_PROBE,
  SCREENING,
} from '../dialogue/prompts.ts';
import { formatKoreanTime, resolveKoreanCallback } from '../korean-time.ts';
import type { Transcript } from '../transcript.ts';
import {
  COLD,
  IMMOBILE,
  NO_CARER,
  NO_HEAT,
  SITUATIONAL_SIGNS,
  VULNERABLE,
  WARNING_SIGN_LABELS,
} from '../understanding/lexicon.ts';
import { compact } from '../understanding/normalize.ts';
import { analyzeUtterance, lastQuestion, saidUnnegated } from '../understanding/rules.ts';
import type { UtteranceAnalysis } from '../understanding/understanding.ts';
import { PROGRAM_RULES } from './programs.ts';

export interface RulesSummaryOptions {
  /** Reference time for callback expressions; defaults to the last turn's `at`, else the current time. */
  now?: string;
}

interface HeardTurn {
  index: number;
  text: string;
  botText: string;
  analysis: UtteranceAnalysis;
}

/** Nobody comes to help (across turns; "혼자" alone is not enough there). */
const CARER_GONE =
  /찾아오는사람(도|이)?없|(요양보호사|활동지원사|돌봐줄사람|도와줄사람|간병인|보호사)[가-힣]{0,8}(없|안온|안와|그만|끝났|끊겼)|아무도(없|안와|안오)/;

/** A bot turn that asks when to call back, or offers to call later. */
const BOT_CALLBACK_OFFER =
  /(다시|나중에)[가-힣]*(전화|연락)[가-힣]*(드릴까|드려도|드리면|좋을까)|언제(쯤)?(다시|전화|연락)|언제[가-힣]{0,4}(통화|전화|연락)(가|이|를)?(편하|괜찮|좋|되)/;
/** The bot asks how or when to follow up after the consultation ("전화로 알려 드릴까요?", "어떻게 안내해 드리면 좋을까요?"). */
const BOT_FOLLOW_UP_OFFER =
  /(전화|문자|연락|방문|안내|알려)[가-힣]{0,8}(드릴까|드려도|드리면|드리는게|좋을까|괜찮|편하)|어떻게[가-힣]{0,4}(안내|연락|알려)/;
const BOT_CALLBACK_ACK =
  /(다시|그때)[가-힣]*(전화|연락)(드릴게|드리겠|드릴께|할게|할께|하겠)|(다음|그때|저녁|모레|내일|이따)[가-힣]{0,3}(통화|전화)(때|할때|드릴때)/;
/** The bot reads back the needs at the end of a consultation that went through. */
const BOT_FULL_READ_BACK = /정리하면|정리해보면|정리해드리면|정리해보겠/;
const BOT_IDENTITY = /님(본인)?(맞으|맞습|맞죠|되십|되시|이신가|맞나|휴대전화맞)/;
const BOT_VISIT_OFFER = /방문|찾아뵙|찾아뵈|찾아가|댁으로|관심|전화로|안내|도와드/;
/** A bot turn offering help or a program (relief after it is not sudden calm). */
const BOT_HELP_OFFER = /도와드|도움(을|이)?(드|받)|신청|지원|연계|급여|받으실수|안내해|방문/;
const FAMILY = /남편|아내|엄마|어머니|아버지|아빠|아들|딸|가족|며느리|사위|집사람/;
/** The person called has died or moved away (said by whoever answered instead). */
const PERSON_GONE =
  /돌아가셨|돌아가신지|세상(을)?떠나셨|별세|(이사|요양원|요양병원|시설)[가-힣]{0,6}(가셨|들어가셨|가셔|가서|갔|간지|나갔)|방(을)?(뺐|빼고나갔|빼서나갔)|(여기|이집)(에)?(안|않)(사세|사시|계세|계시|살아|사는)|안사세요|이제안계/;
/**
 * The answerer says it is them (then a death or move is someone else's): a confirming predicate, not any
 * "제가" ("이 번호는 제가 해지를 못 했네요" is a relative speaking).
 */
const SELF_CONFIRM =
  /(제가|내가|본인)(맞|입니|이에|인데|예요|이요|여)|^(네|예|응|어)?(저예요|전데|접니|나여|나요|저요)|(제가|내가)[가-힣]{2,4}(인데요|이에요|예요|입니다|이여)(?![가-힣])/;
/** The answerer names themselves as a relative of the person called ("저는 딸인데요"). */
const RELATIVE_SPEAKING =
  /(저는|전|나는|난|여기는)(그|그분|어머니|아버지|어르신)?(의)?(딸|아들|며느리|며느린|사위|손자|손녀|조카|동생|언니|누나|형|오빠|남편|아내|집사람)/;
/** The bot asks whether and how to follow up. */
const FOLLOW_UP_QUESTION =
  /후속|(연락|전화|방문)(은|이|도)?(따로)?[가-힣]{0,2}필요|어떻게[가-힣]{0,4}(연락|안내|알려)/;
/** Asking to be called another time, not only being busy now. */
const CALL_AGAIN =
  /다시|나중|이따|있다가|담에|다음에|내일|저녁|오후|오전|주말|[0-9한두세네섯곱덟홉열]시|(해|걸어|전화)(주|줘|줍|주십)/;
/** A carer who still comes, however few hours. */
const CARER_COMES =
  /(활동지원사|지원사|요양보호사|보호사|도우미|간병인|선생님)(님)?(이|가|께서|는|은)?[가-힣]{0,4}(?<!안|못)(오시는데|오시고|와요|오는데|오고|옵니다|와주|오세요)/;
/** A reason to leave now: hanging up for it is stopping midway, not declining. */
const LEAVING_REASON =
  /바빠|바쁘|가야|가봐야|올시간|잠깐만|다른전화|받아야|초인종|택배|누가왔|왔다|왔네|내려야|데리러|손님|운전|일하는중|회의|울어서|밥해야|나가야|직접(갈|가볼|찾아|가서|확인|방문)/;
/**
 * Declining the help or the calls themselves ("필요 없다니까", "상담 같은 거 안 받을래요", "이런 전화 안 하셨으면"),
 * as opposed to "됐어요, 바빠서 끊을게요", which only ends this call.
 */
const DECLINES_HELP =
  /^(싫|싫어|싫다|싫습|싫소)|필요(가)?없|(안|못)받(을|겠|아|는다|는|습|으|지)|받을생각없|관심없|(상담|도움|지원|그런거|이런거)[가-힣]{0,6}(안|싫|필요)|신세[가-힣]{0,4}(안|생각없|싫|질생각)|(이런|그런)(전화|연락)[가-힣]{0,6}(안|하지|마)|다시는|손(을)?(안)?벌리|알아서(하|할|해|허)|^(됐|됐다|됐어)[가-힣]{0,2}(니께|니까|카이|당께|다니)|동정[가-힣]{0,4}싫|대상(이)?아닐|다른(데|곳|분|집)[가-힣]{0,8}(챙겨|도와)|기계(랑|하고|와)[가-힣]{0,10}(싫|기분나빠|안해)/;
/** A bot turn that closes the call or settles the follow-up (a resident answer to it ends the call normally). */
const BOT_CLOSING =
  /드릴게|드릴께|드리겠|드릴까|드려도|연락(드릴|주세요|드리)|감사합니다|고맙습니다|좋은하루|안녕히|찾아뵙|찾아뵐|찾아가|찾아갈|방문|후속|109|112|119|정리해/;
/** The resident's own closing words: thanks, a farewell or an acknowledgement (dialect endings folded). */
const RESIDENT_CLOSING =
  /고마|고맙|감사|수고|들어가|안녕히|잘있|알겠|알았|그럴게|부탁(드|해|합)|기다리겠|그렇게해|그라씨|그려주|(그래|그려|그럽|그라제|그래요|예|네)[.!]*$/;
/** The bot asks leave to go on with the consultation ("몇 가지만 더 여쭤봐도 될까요?"). */
const BOT_GO_ON =
  /(더|몇가지|조금만|잠깐|잠시|계속)[가-힣]*(여쭤|여쭙|물어|얘기|이야기|통화)[가-힣]*(될까|되겠|괜찮|있을까|해도)/;
/** The bot reads the needs back for correction; a yes to it is the normal end of the consultation. */
const BOT_READ_BACK =
  /정리하면|정리해보면|정리해드리면|정리해보겠|말씀이(시)?죠|(라는|다는|신다는|하신다는|셨다는)(거|것|말씀)/;
/** The bot has lost the resident ("여보세요? 들리세요?"): the line dropped. */
const BOT_LOST = /(여보세요|들리세요|들리십니까|들리시나요)[?,.]*([가-힣]{0,14}\?)?$/;
/** A bot turn that breaks off mid-sentence. */
const BOT_TRAILING = /(…|\.\.\.?|,)$/;
/** The resident (the carer) goes into hospital and a dependent stays behind without anyone. */
const CARER_HOSPITAL =
  /(제가|내가|저|나)(는)?(지금)?(응급실|입원중|입원해있)|(제가|내가|저도|나도|저|나)[가-힣]{0,14}(입원|수술)(해야|하게|할|받아야|들어가|하러|때문)/;
const LATER_STAY =
  /(다음주|다음달|담주|내달|다다음|내년|다음번|한달뒤|몇달뒤|보름뒤)[가-힣]{0,10}(입원|수술)/;
/** Unable to move for a day or more already: nobody is helping, whoever is named. */
const STUCK_SINCE = /어제부터|그제부터|이틀째|사흘째|나흘째|며칠째|하루종일|밤새/;
const LEFT_ALONE =
  /혼자(두|둬|남|계셔야|있어야|지내야|있어요|있어|있는데)|(봐줄|돌봐줄|맡길|대신할)(사람|데|곳)(이|도)?없/;

const ENGINE_QUESTIONS = [
  ...Object.values(SCREENING),
  ...Object.values(FOLLOW_UP),
  SAFETY_PROBE,
  ANYTHING_ELSE_PROMPT,
];

/** Was this resident turn an answer with substance (beyond greeting, identity, consent or leaving)? */
function substantive(turn: HeardTurn, first: boolean): boolean {
  const a = turn.analysis;
  if (a.crises.length > 0 || a.selfHarm || a.danger) return true;
  if (first || a.refuse || a.hangUp || a.scam || a.wrongPerson || a.callback || a.birthYear !== undefined)
    return false;
  const text = compact(turn.text);
  return text.length >= 10 && /\?/.test(turn.botText) && !BOT_IDENTITY.test(compact(turn.botText));
}

function outcomeOf(heard: HeardTurn[], lastBot: string, endsOnResident: boolean): ConsultationOutcome {
  if (heard.length === 0) return 'PARTIAL';
  const first = heard[0] as HeardTurn;
  const firstText = compact(first.text);
  const identityAsked = BOT_IDENTITY.test(compact(first.botText));
  const gone = heard.slice(0, 3).some(
    (t, i) =>
      (i === 0 ||
        BOT_IDENTITY.test(compact(t.botText)) ||
        (i === 1 && RELATIVE_SPEAKING.test(compact(first.text))) ||
        // "혹시 하은결 님과 연락이 닿으실까요?" asks after the person: a move told then is the person gone.
        /님(과|을|께|하고)?[가-힣]{0,6}(연락|통화|아시|찾)/.test(compact(t.botText))) &&
      PERSON_GONE.test(compact(t.text)) &&
      (RELATIVE_SPEAKING.test(compact(t.text)) || !SELF_CONFIRM.test(compact(t.text))),
  );
  if (
    gone ||
    heard.some(
      (t, i) =>
        t.analysis.wrongPerson &&
        (i <= 1 || /달라서|다르|일치하지|맞지않|다른분|전에쓰던|쓰시던|쓰던분/.test(compact(t.botText))),
    ) ||
    (identityAsked &&
      /^(아니|아닌데|아뇨)/.test(firstText.replace(/^[가-힣]{2,5}(씨|님)?(요|이요)?\?/, '')) &&
      !FAMILY.test(firstText) &&
      !first.analysis.refuse)
  ) {
    return 'WRONG_NUMBER';
  }
  let sawSubstance = false;
  let substance = 0;
  /** A time agreed for calling back, to the bot's offer or asked for. */
  let callbackAgreed = false;
  /** The resident answered something of substance without declining in the same breath. */
  let engaged = false;
  for (let i = 0; i < heard.length; i++) {
    const turn = heard[i] as HeardTurn;
    const a = turn.analysis;
    const botAsked = compact(turn.botText);
    // "낮에 전화해 주세요" to "전화로 알려 드릴까요?" after the consultation is how to follow up, not a callback.
    // After two answers of substance, "전화로 다시 연락드려도 될까요?" offers the follow-up, not a callback.
    const followUpTime =
      sawSubstance &&
      BOT_FOLLOW_UP_OFFER.test(botAsked) &&
      (!BOT_CALLBACK_OFFER.test(botAsked) || substance >= 2);
    // "없어요 잘 살아요. 지금 회의 들어가서 끊을게요": busy, leaving after answering, asking for no other time.
    const busyLeaving =
      a.callback &&
      a.hangUp &&
      !CALL_AGAIN.test(compact(turn.text)) &&
      !BOT_CALLBACK_OFFER.test(botAsked) &&
      (sawSubstance || substantive(turn, i === 0));
    const callback =
      !followUpTime &&
      !busyLeaving &&
      (a.callback || (BOT_CALLBACK_OFFER.test(botAsked) && (a.affirm || resolvesTime(turn.text))));
    if (callback && resolvesTime(turn.text)) callbackAgreed = true;
    // "지금 바빠요" is a callback unless the resident goes on to answer, or to decline any further call.
    const later = heard.slice(i + 1);
    if (
      callback &&
      !later.some((l) => substantive(l, false) && !l.analysis.callback) &&
      !later.some((l) => (l.analysis.refuse || l.analysis.optOut) && !l.analysis.callback)
    ) {
      return 'CALLBACK_REQUESTED';
    }
    // "필요 없어라" to "따로 후속 연락은 필요 없으실까요?" chooses no follow-up; it declines nothing.
    if (sawSubstance && a.refuse && !a.optOut && FOLLOW_UP_QUESTION.test(botAsked)) continue;
    // After the consultation started, "필요 없어요" answers a question; only hanging up or opting out ends it.
    const last = i === heard.length - 1;
    // A refusal in answer to "may I ask a few more?" declines the consultation itself, not one question.
    const declines =
      a.optOut || (a.refuse && (!sawSubstance || last || BOT_GO_ON.test(compact(turn.botText))));
    if (declines || a.hangUp) {
      // A refusal before engaging is REFUSED, unless the resident then goes on answering and never declines again.
      const goesOn =
        later.some((l) => substantive(l, false) && !l.analysis.refuse && !l.analysis.optOut) &&
        !later.some((l) => l.analysis.refuse || l.analysis.optOut || l.analysis.hangUp);
      // "추심이면 끊어요" and then the story once the bot says who it is: the decline was taken back.
      const next = later[0];
      const takenBack =
        !sawSubstance &&
        a.hangUp &&
        !a.refuse &&
        !a.optOut &&
        next !== undefined &&
        substantive(next, false) &&
        !next.analysis.refuse &&
        !next.analysis.optOut &&
        !next.analysis.hangUp;
      // "마 됐다" and then the whole story, told over two answers: the first refusal was taken back. An answer that
      // hangs up ("그런 거 묻지 마시고요. 그만 끊겠습니다") takes nothing back.
      // An opt-out at the end ("전화하지 마쇼") still declines the contact itself.
      const answeredOn =
        later.filter(
          (l) => substantive(l, false) && !l.analysis.refuse && !l.analysis.optOut && !l.analysis.hangUp,
        ).length >= 2 && !later.some((l) => l.analysis.optOut);
      if ((!engaged && (goesOn || answeredOn)) || takenBack) continue;
      if (!sawSubstance || !engaged) return toldThenStopped(turn) && !a.optOut ? 'PARTIAL' : 'REFUSED';
      // An explicit refusal given with a reason ("상담 안 받을래요. 바빠서요") still declines.
      const declinesHelp = DECLINES_HELP.test(compact(turn.text));
      const leaving = LEAVING_REASON.test(compact(turn.text)) && !declinesHelp;
      // Declining the rest after one answer is a refusal; hanging up on a question after telling a need is
      // stopping midway, as is leaving for a reason.
      const toldNeed = heard.slice(0, i).some((t) => t.analysis.crises.length > 0 || t.analysis.selfHarm);
      const cutOff = toldNeed && a.hangUp && !declinesHelp;
      if (declinesHelp && substance <= 2) return 'REFUSED';
      return declines && !leaving && !cutOff && substance <= 1 && !substantive(turn, false)
        ? 'REFUSED'
        : 'PARTIAL';
    }
    if (substantive(turn, i === 0)) {
      sawSubstance = true;
      substance++;
      if (!a.refuse && !a.optOut) engaged = true;
    }
  }
  // The call ends on the bot confirming when it will call back ("두 시 반쯤 다시 전화드릴게요"): what was told
  // meanwhile was told for that call ("그 얘기는 이따 해요").
  const ackedCallback = [...heard.map((t) => t.botText), lastBot].some((b) =>
    BOT_CALLBACK_ACK.test(compact(b)),
  );
  if (
    ackedCallback &&
    !BOT_FULL_READ_BACK.test(compact(lastBot)) &&
    (callbackAgreed || heard.some((t) => t.analysis.callback))
  )
    return 'CALLBACK_REQUESTED';
  // The engine answers every resident turn; a transcript ending on an answer to one of its questions was cut off.
  if (endsOnResident && ENGINE_QUESTIONS.some((q) => lastBot.includes(q))) return 'PARTIAL';
  // The bot was left calling into a dropped line.
  if (!endsOnResident) return BOT_LOST.test(compact(lastBot)) ? 'PARTIAL' : 'COMPLETED';
  const lastAnswer = heard.at(-1)?.analysis;
  // A yes to the read-back of the needs closes the consultation.
  if (BOT_READ_BACK.test(compact(lastBot)) && lastAnswer?.affirm && !lastAnswer.deny) return 'COMPLETED';
  // The bot was cut off mid-sentence ("생활비나…"): the resident broke in and the call ended there.
  if (BOT_TRAILING.test(lastBot.trim())) return 'PARTIAL';
  // The resident trailed off answering a question ("문 비밀번호가 그 뭐더라 일 구..."): the line dropped.
  const lastSaid = (heard.at(-1)?.text ?? '').trim();
  if (
    /(\.{2,}|…)$/.test(lastSaid) &&
    compact(lastSaid).length >= 6 &&
    lastQuestion(compact(lastBot)) !== '' &&
    !RESIDENT_CLOSING.test(compact(lastSaid))
  )
    return 'PARTIAL';
  // A question left open (not a closing offer) and no closing words of the resident's: the call broke off.
  // A resident's thanks or "알겠어요" after the bot's last word is the normal end of a call, whatever the bot said.
  const lastResident = compact(heard.at(-1)?.text ?? '');
  const openQuestion = lastQuestion(compact(lastBot)) !== '' && !BOT_CLOSING.test(compact(lastBot));
  // Choosing how to be followed up ("문자나 전화로 주세요") answers the closing question.
  if (lastAnswer && (lastAnswer.phoneRequest || lastAnswer.visitRequest || lastAnswer.noFollowUp))
    return 'COMPLETED';
  if (openQuestion && !RESIDENT_CLOSING.test(lastResident)) return 'PARTIAL';
  return 'COMPLETED';
}

/**
 * "가스 끊긴 지 한 달 됐고요, 관리비 밀렸다고 나가라 그러고. 됐죠? 더 말할 거 없어요": needs told first, then no
 * more ("더", "그만", "이만") is a consultation stopped midway. Declining the consultation itself ("상담은 안 받을게요",
 * "됐어요, 안 해요") after telling a need is still a refusal.
 */
function toldThenStopped(turn: HeardTurn): boolean {
  const sentences = turn.text.split(/(?<=[.?!])\s*/);
  const context = { expecting: 'NONE' as const, botText: turn.botText };
  const at = sentences.findIndex((sentence) => analyzeUtterance(sentence, context).refuse);
  if (at <= 0) return false;
  const rest = compact(sentences.slice(at).join(' '));
  if (!/더|그만|이만|이정도|이걸로|여기까지/.test(rest) || DECLINES_HELP.test(rest)) return false;
  return analyzeUtterance(sentences.slice(0, at).join(' '), context).crises.length > 0;
}

function resolvesTime(text: string): boolean {
  return /(오늘|내일|모레|이따|있다가|저녁|오전|오후|아침|점심|[0-9한두세네섯열]시|요일|다음주)/.test(
    compact(text),
  );
}

/** Summarizes a transcript with rules; valid per `ConsultationSummarySchema`. */
export function summarizeWithRules(
  transcript: Transcript,
  options: RulesSummaryOptions = {},
): ConsultationSummary {
  const heard: HeardTurn[] = [];
  let botText = '';
  transcript.turns.forEach((turn, index) => {
    if (turn.speaker === 'bot') {
      botText = turn.text;
      return;
    }
    heard.push({
      index,
      text: turn.text,
      botText,
      analysis: analyzeUtterance(turn.text, { expecting: 'NONE', botText }),
    });
  });
  const lastBot = [...transcript.turns].reverse().find((t) => t.speaker === 'bot')?.text ?? '';
  const outcome = outcomeOf(heard, lastBot, transcript.turns.at(-1)?.speaker === 'resident');

  const firstTurn = new Map<CrisisType, number>();
  const evidence: { claim: string; turn: number }[] = [];
  let selfHarm = false;
  let selfHarmReview = false;
  let danger = false;
  const high = new Map<string, number>();
  const emergency: { claim: string; turn: number }[] = [];
  for (const t of heard) {
    for (const type of t.analysis.crises) {
      if (!firstTurn.has(type)) {
        firstTurn.set(type, t.index);
        evidence.push({ claim: `${CRISIS_LABELS[type]}: "${clip(t.text)}"`, turn: t.index });
      }
    }
    for (const signal of t.analysis.high) if (!high.has(signal)) high.set(signal, t.index);
    if (t.analysis.selfHarm && t.analysis.selfHarmReview) selfHarmReview = true;
    if (t.analysis.selfHarm && !selfHarm) {
      selfHarm = true;
      const kind = t.analysis.selfHarmSign ? `(${WARNING_SIGN_LABELS[t.analysis.selfHarmSign]})` : '';
      emergency.push({ claim: `자살·자해 위험 신호${kind}: "${clip(t.text)}"`, turn: t.index });
    }
    if (t.analysis.danger && !danger) {
      danger = true;
      emergency.push({ claim: `즉각적인 위험: "${clip(t.text)}"`, turn: t.index });
    }
    if (t.analysis.foodEmergency)
      emergency.push({ claim: `이틀 이상 식사를 못 함: "${clip(t.text)}"`, turn: t.index });
  }
  const calm = selfHarm ? undefined : suddenCalm(heard);
  if (calm) {
    selfHarm = true;
    selfHarmReview = true;
    emergency.push({
      claim: `자살·자해 위험 신호(${WARNING_SIGN_LABELS.CALM}): "${clip(calm.text)}"`,
      turn: calm.index,
    });
  }
  const residentText = heard.map((t) => compact(t.text)).join('.');
  const allText = compact(transcript.turns.map((t) => t.text).join('.'));
  const coldNoHeat =
    NO_HEAT.test(residentText) && saidUnnegated(allText, COLD) && saidUnnegated(residentText, VULNERABLE);
  if (coldNoHeat && firstTurn.has('UTILITIES')) {
    emergency.push({
      claim: '한겨울 난방·전기 없이 취약한 가족과 지냄',
      turn: firstTurn.get('UTILITIES') as number,
    });
  }
  // "활동 지원사 선생님이 오시는데 시간이 줄어서": a carer who still comes is less care (HIGH), not nobody.
  const carerComes = CARER_COMES.test(residentText);
  const stuck = carerComes
    ? undefined
    : (heard.find(
        (t) =>
          IMMOBILE.test(compact(t.text)) &&
          (NO_CARER.test(compact(t.text)) || STUCK_SINCE.test(compact(t.text))),
      ) ?? (CARER_GONE.test(residentText) ? heard.find((t) => IMMOBILE.test(compact(t.text))) : undefined));
  if (stuck)
    emergency.push({ claim: `거동이 어렵고 돌봐 줄 사람이 없음: "${clip(stuck.text)}"`, turn: stuck.index });
  // A stay planned for later (다음 주에 입원) is a dependent without carer (HIGH), not danger today.
  const carerAway =
    CARER_HOSPITAL.test(residentText) && LEFT_ALONE.test(residentText) && !LATER_STAY.test(residentText);
  const awayTurn = heard.find((t) => CARER_HOSPITAL.test(compact(t.text))) ?? heard.at(-1);
  if (carerAway && awayTurn && saidUnnegated(residentText, VULNERABLE)) {
    emergency.push({
      claim: `돌보는 사람이 입원해 피부양자가 혼자 남음: "${clip(awayTurn.text)}"`,
      turn: awayTurn.index,
    });
  }

  const crisisTypes = CRISIS_TYPES.filter((t) => firstTurn.has(t));
  const urgency: Urgency =
    emergency.length > 0
      ? 'EMERGENCY'
      : high.size > 0 || crisisTypes.length >= 3
        ? 'HIGH'
        : crisisTypes.length > 0
          ? 'MEDIUM'
          : 'LOW';
  for (const [signal, turn] of high) evidence.push({ claim: signal, turn });
  evidence.unshift(...emergency);

  const preference = followUpPreference(heard);
  const followUp: FollowUp =
    urgency === 'EMERGENCY'
      ? 'IMMEDIATE_VISIT'
      : urgency === 'HIGH' || preference === 'VISIT'
        ? 'HOME_VISIT'
        : urgency === 'MEDIUM' || preference === 'CALL' || outcome === 'CALLBACK_REQUESTED'
          ? 'PHONE_FOLLOWUP'
          : 'NONE';

  const now =
    options.now ?? [...transcript.turns].reverse().find((t) => t.at)?.at ?? new Date().toISOString();
  const callbackAt = outcome === 'CALLBACK_REQUESTED' ? callbackTimeOf(transcript, now) : undefined;

  const needs = crisisTypes.map((t) => `${CRISIS_LABELS[t]} 해결 지원`);
  if (selfHarm) needs.unshift('자살 위험 즉시 개입(109 연계, 당일 방문)');
  if (danger) needs.unshift('안전 확보(112/119 연계)');
  if (preference === 'CALL' && followUp === 'HOME_VISIT') needs.push('주민은 전화 연락을 선호함');
  if (preference === 'VISIT') needs.push('주민이 방문을 요청함');

  const suggestedPrograms = PROGRAM_RULES.flatMap((rule) => {
    const type = rule.types.find((t) => firstTurn.has(t));
    if (type === undefined) return [];
    if (rule.signal) {
      const signal = [...high.keys(), ...emergency.map((e) => e.claim)].find((s) => rule.signal?.test(s));
      if (!signal) return [];
    }
    return [{ program: rule.program, reason: rule.reason, turn: firstTurn.get(type) as number }];
  });

  const noResident = heard.length === 0;
  return {
    outcome,
    urgency,
    crisisTypes,
    riskFlags: { selfHarm },
    followUp,
    needs,
    narrative: narrativeOf({
      outcome,
      urgency,
      crisisTypes,
      selfHarm,
      danger,
      high: [...high.keys()],
      followUp,
      callbackAt,
      noResident,
    }),
    evidence,
    // A warning sign rather than a stated wish: flagged (safety first) and sent to a person to check.
    needsReview:
      noResident || (selfHarmReview && !heard.some((t) => t.analysis.selfHarm && !t.analysis.selfHarmReview)),
    summarizer: 'rules',
    ...(suggestedPrograms.length > 0 ? { suggestedPrograms } : {}),
    ...(callbackAt ? { callbackAt } : {}),
  };
}

/**
 * Sudden calm after despair (행동적 신호): a resident turn that settles or relieves ("마음 정했어요",
 * "이제 홀가분해요") after despair or a heavy loss was heard in that turn or an earlier one. Relief in answer to
 * an offer of help is not it.
 */
function suddenCalm(heard: HeardTurn[]): HeardTurn | undefined {
  return heard.find((t, i) => {
    if (!t.analysis.calm || BOT_HELP_OFFER.test(compact(t.botText))) return false;
    return heard
      .slice(0, i + 1)
      .some((e) => e.analysis.crises.includes('MENTAL_HEALTH') || SITUATIONAL_SIGNS.test(compact(e.text)));
  });
}

/**
 * The callback time a transcript asks for: the last resident turn naming a time (else the bot's last words,
 * "오늘 저녁 7시에 다시 전화드릴게요"), resolved against `now` into calling hours.
 */
export function callbackTimeOf(transcript: Transcript, now: string): string | undefined {
  const resident = [...transcript.turns]
    .reverse()
    .find((t) => t.speaker === 'resident' && resolvesTime(t.text));
  const lastBot = [...transcript.turns].reverse().find((t) => t.speaker === 'bot')?.text ?? '';
  return (
    (resident && resolveKoreanCallback(resident.text, new Date(now))) ??
    resolveKoreanCallback(lastBot, new Date(now))
  )?.at;
}

function followUpPreference(heard: HeardTurn[]): 'VISIT' | 'CALL' | 'NONE' | undefined {
  let preference: 'VISIT' | 'CALL' | 'NONE' | undefined;
  for (const t of heard) {
    const bot = compact(t.botText);
    const offer = BOT_VISIT_OFFER.test(bot);
    const text = compact(t.text);
    const a = t.analysis;
    if (a.phoneRequest && !(a.callback && !offer)) preference = 'CALL';
    else if (a.visitRequest && (offer || /방문|찾아와|와서|(집|댁)(으로|에)[가-힣]{0,4}와/.test(text)))
      preference = 'VISIT';
    else if (a.noFollowUp && offer) preference = 'NONE';
    else if (offer && a.affirm && !a.deny && /방문|찾아뵙|찾아뵈|댁으로/.test(bot) && !/전화/.test(bot)) {
      preference ??= 'VISIT';
    }
  }
  return preference;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const OUTCOME_TEXT: Record<ConsultationOutcome, string> = {
  COMPLETED: '상담을 끝까지 진행했습니다',
  PARTIAL: '주민이 상담 도중 통화를 중단했습니다',
  REFUSED: '주민이 상담을 거절했습니다',
  WRONG_NUMBER: '대상자 본인이 아닌 번호였습니다',
  CALLBACK_REQUESTED: '주민이 다른 시간에 다시 전화해 달라고 요청했습니다',
};
const URGENCY_TEXT: Record<Urgency, string> = {
  EMERGENCY: '긴급',
  HIGH: '높음',
  MEDIUM: '보통',
  LOW: '낮음',
};
const FOLLOW_UP_TEXT: Record<FollowUp, string> = {
  IMMEDIATE_VISIT: '오늘 중 즉시 방문해 안전을 확인해야 합니다',
  HOME_VISIT: '가정 방문 상담을 권합니다',
  PHONE_FOLLOWUP: '전화로 후속 안내를 권합니다',
  NONE: '별도 후속 조치는 필요하지 않아 보입니다',
};

function narrativeOf(s: {
  outcome: ConsultationOutcome;
  urgency: Urgency;
  crisisTypes: CrisisType[];
  selfHarm: boolean;
  danger: boolean;
  high: string[];
  followUp: FollowUp;
  callbackAt?: string;
  noResident: boolean;
}): string {
  if (s.noResident) {
    return '주민의 응답이 기록되지 않았습니다. 통화 연결 상태나 음성사서함 여부를 확인해 주세요. 녹취를 직접 확인한 뒤 재연락 또는 방문을 검토해 주세요.';
  }
  const sentences = [`${OUTCOME_TEXT[s.outcome]}.`];
  sentences.push(
    s.crisisTypes.length > 0
      ? `주민이 직접 말한 어려움은 ${s.crisisTypes.map((t) => CRISIS_LABELS[t]).join(', ')}입니다.`
      : '주민이 말한 생활상의 어려움은 없었습니다.',
  );
  if (s.selfHarm)
    sentences.push('자살·자해 위험 신호가 있어 109 자살예방상담전화 연계와 당일 안전 확인이 필요합니다.');
  else if (s.danger) sentences.push('즉각적인 위험 신호가 있어 112/119 연계와 안전 확인이 필요합니다.');
  else if (s.high.length > 0)
    sentences.push(`특히 ${s.high.join(', ')} 상황으로 몇 주 안에 기본 생활이 위협받을 수 있습니다.`);
  sentences.push(`긴급도는 ${URGENCY_TEXT[s.urgency]}이며, ${FOLLOW_UP_TEXT[s.followUp]}.`);
  if (s.callbackAt) sentences.push(`다시 전화할 시간은 ${formatKoreanTime(s.callbackAt)}입니다.`);
  return sentences.slice(0, 5).join(' ');
}
