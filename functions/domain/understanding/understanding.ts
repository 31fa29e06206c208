/**
 * What the dialogue engine needs to know about one resident utterance, behind one interface with two
 * implementations: `RuleUnderstanding` (local default, pure) and `BedrockUnderstanding`
 * (functions/shared/bedrock/bedrock-understanding.ts).
 */
import type { CrisisType } from '../consultation-summary.ts';
import type { Expecting } from '../dialogue/contract.ts';
import type { WarningSignKind } from './lexicon.ts';

export interface UnderstandingContext {
  /** What the bot asked for (dialogue contract). */
  expecting: Expecting;
  /** The bot's last prompt, for short answers ("네", "없죠") that only make sense with the question. */
  botText: string;
}

export interface UtteranceAnalysis {
  /** Crisis types the resident reports as present (negated or resolved problems are left out). */
  crises: CrisisType[];
  /** HIGH triggers heard (Korean labels, e.g. 퇴거 위기, 공과금 단절). */
  high: string[];
  selfHarm: boolean;
  /** The self-harm signal is warning behaviour or a veiled farewell, not a stated wish: a person should review. */
  selfHarmReview?: boolean;
  /**
   * The wording sounds like self-harm (self-harm-wording.ts) though no warning sign the rules know was heard: the
   * dialogue engine asks the direct question, and the answer decides.
   */
  selfHarmConcern?: boolean;
  /** The resident rules self-harm out in answer to a direct question ("그런 생각은 안 해요"). */
  selfHarmDenied?: boolean;
  /** Which gatekeeper warning sign was heard (verbal or behavioural), for the caseworker's evidence. */
  selfHarmSign?: WarningSignKind;
  /** Sudden calm or a decision made ("마음 정했어요"): a warning sign only after despair (rules-summarizer). */
  calm?: boolean;
  /** No food for two days or more. */
  foodEmergency?: boolean;
  /** Immediate danger to life or safety, with the hotline that fits. */
  danger?: { hotline: '112' | '119' };
  affirm: boolean;
  deny: boolean;
  refuse: boolean;
  wrongPerson: boolean;
  optOut: boolean;
  scam: boolean;
  repeat: boolean;
  slower: boolean;
  hangUp: boolean;
  /** Asks to be called at another time. */
  callback: boolean;
  visitRequest: boolean;
  phoneRequest: boolean;
  noFollowUp: boolean;
  /** The resident says the code in the SMS differs from the one the bot said. */
  codeMismatch: boolean;
  birthYear?: number;
}

/** Understands one utterance in the context of the bot's last prompt. */
export interface Understanding {
  /** e.g. "rules" or "bedrock:<modelId>". */
  readonly name: string;
  understand(utterance: string, context: UnderstandingContext): Promise<UtteranceAnalysis>;
}

/** An analysis with nothing detected. */
export function emptyAnalysis(): UtteranceAnalysis {
  return {
    crises: [],
    high: [],
    selfHarm: false,
    affirm: false,
    deny: false,
    refuse: false,
    wrongPerson: false,
    optOut: false,
    scam: false,
    repeat: false,
    slower: false,
    hangUp: false,
    callback: false,
    visitRequest: false,
    phoneRequest: false,
    noFollowUp: false,
    codeMismatch: false,
  };
}
