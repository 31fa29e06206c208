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
  [/핸드폰/g, '휴대폰'],
  [/쥬(?=[.?!,]|$)/g, '죠'],
  [/유(?=[.?!,]|$)/g, '요'],
  [/(?<=[가-힣])소잉/g, '소'],
];

/** Removes spaces and folds spelling variants; keeps clause punctuation (.,?!). */
export function compact(text: string): string {
  let out = text.normalize('NFC').replace(/\s+/g, '');
  for (const [pattern, replacement] of FOLDS) out = out.replace(pattern, replacement);
  return out;
}

/** Splits compact text into clauses at sentence punctuation and at contrastive connectives (…는데, …지만). */
export function clauses(compactText: string): string[] {
  return compactText
    .split(/[.?!,]|(?<=지만)|(?<=는데)(?=[가-힣]{4,})/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
