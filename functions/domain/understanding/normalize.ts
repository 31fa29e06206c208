/**
 * Text normalization before matching Korean patterns. Speech-to-text output spaces words unpredictably
 * ("못 먹어요" / "못먹어요" / "못 먹 어요"), so every pattern is matched against a compact form without
 * spaces; clauses are kept apart so a negation in one clause does not cancel a problem in another.
 */

/** Common STT and dialect spellings folded onto the standard form the patterns are written in. */
const FOLDS: [RegExp, string][] = [
  [/[~…·'"“”‘’]/g, ''],
  [/\.{2,}/g, '.'],
  // Gyeongsang / Jeolla / Chungcheong sentence endings and words that change the stem the patterns use.
  [/묵(었|어|고|는|을|지|은|으)/g, '먹$1'],
  [/묵지/g, '먹지'],
  [/댕기/g, '다니'],
  [/몬(?=(내|냈|해|했|가|갔|먹|받|자|살|사|벌|한|하|간|걷|움직))/g, '못'],
  [/맹키로|맨키로/g, '처럼'],
  [/한나도|하나또/g, '하나도'],
  [/없어라|없당께|없응께/g, '없어요'],
  [/끊겨부렀|끊겨브렀|끊어져부렀/g, '끊겼'],
  [/전기세/g, '전기요금'],
  [/핸드폰|휴대전화/g, '휴대폰'],
  [/쥬(?=[.?!,]|$)/g, '죠'],
  [/유(?=[.?!,]|$)/g, '요'],
  [/(?<=[가-힣])소잉/g, '소'],
  // Jeju polite ending and "없다" variants (아픈 디도 어서, 읎어, 없심더 keeps its 없).
  [/마씸|마씀/g, '요'],
  [/읎|웂/g, '없'],
  [/(?<=[픈한운든])디(?=[는도가]|$|[.,?!])/g, '데'],
  [/(?<=(데|건|거|것|게|돈|일)(는|도|가|이|은)?)(어서|엇어|어수다|엇수다|읏어)(?=[.?!,]|$|요)/g, '없어'],
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
  for (const [pattern, replacement] of FOLDS) out = out.replace(pattern, replacement);
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
      /[.?!,]|(?<=지만)|(?<=는데)(?=[가-힣]{4,})|(?<=(?:건강하|멀쩡하|튼튼하|괜찮|있|없|내|냈|했|았|었|였|되|나았)고)(?=[가-힣]{4,})/,
    )
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
