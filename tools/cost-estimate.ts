/**
 * Cost estimate of calling households, from stated unit prices and assumptions (USD, ap-northeast-2).
 * Prices are list prices as understood when this was written: check them against the AWS pricing pages before
 * budgeting; every one can be overridden on the command line.
 *
 *   npx tsx tools/cost-estimate.ts [--households 1000] [--answer-rate 0.55] [--max-attempts 3]
 *     [--consult-minutes 6] [--mobile-share 0.8] [--turns 14] [--json]
 */
import { parseArgs } from 'node:util';

/** Unit prices (USD). */
export const UNIT_PRICES = {
  /** Amazon Connect voice usage, per minute (outbound). */
  connectVoicePerMinute: 0.018,
  /** Amazon Connect telephony, outbound from a Korean DID to a Korean mobile, per minute (check the KR rate card). */
  telephonyKrMobilePerMinute: 0.0798,
  /** … to a Korean landline, per minute. */
  telephonyKrLandlinePerMinute: 0.0303,
  /** Lex V2 streaming/speech request, per request (one resident turn). */
  lexSpeechPerRequest: 0.004,
  /** Polly: Connect prompts and Lex responses are synthesized inside their own prices. */
  pollyPerCharacter: 0,
  /** Bedrock Claude 3.5 Sonnet (APAC inference profile), per 1,000 input / output tokens. */
  bedrockInputPer1kTokens: 0.003,
  bedrockOutputPer1kTokens: 0.015,
  /** Step Functions Standard, per state transition. */
  sfnStandardPerTransition: 0.000025,
  /** Step Functions Express (ingest children), per request and per GB-second. */
  sfnExpressPerRequest: 0.000001,
  /** Lambda arm64: per request and per GB-second. */
  lambdaPerRequest: 0.0000002,
  lambdaPerGbSecond: 0.0000133334,
  /** DynamoDB on-demand: per write / read request unit. */
  dynamoDbPerWriteUnit: 0.000000705,
  dynamoDbPerReadUnit: 0.000000141,
  /** SNS SMS to a Korean mobile, per message (transactional; check the SMS price list). */
  snsSmsKoreaPerMessage: 0.0223,
} as const;

export interface Assumptions {
  households: number;
  /** Probability that one attempt is answered by the resident. */
  answerRate: number;
  maxAttempts: number;
  /** Minutes of an answered consultation. */
  consultMinutes: number;
  /** Billed minutes of an attempt nobody answers (ring, voicemail greeting until no-response hang-up). */
  unansweredMinutes: number;
  /** Share of households with a mobile number (they get the SMS pre-notice). */
  mobileShare: number;
  /** Resident turns in an answered consultation (one Lex request each). */
  turns: number;
  /** Bedrock tokens per turn (dialogue understanding) and for the summary. */
  turnInputTokens: number;
  turnOutputTokens: number;
  summaryInputTokens: number;
  summaryOutputTokens: number;
  /** Household workflow transitions: fixed part and per call attempt. */
  transitionsFixed: number;
  transitionsPerAttempt: number;
  /** Lambda invocations: fixed per household, per attempt, plus one per turn; average GB-seconds each. */
  lambdaFixed: number;
  lambdaPerAttempt: number;
  lambdaGbSeconds: number;
  /** DynamoDB request units per household: fixed and per turn (transcript writes). */
  writeUnitsFixed: number;
  readUnitsFixed: number;
  writeUnitsPerTurn: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  households: 1000,
  answerRate: 0.55,
  maxAttempts: 3,
  consultMinutes: 6,
  unansweredMinutes: 0.5,
  mobileShare: 0.8,
  turns: 14,
  turnInputTokens: 1500,
  turnOutputTokens: 150,
  summaryInputTokens: 4000,
  summaryOutputTokens: 800,
  transitionsFixed: 20,
  transitionsPerAttempt: 9,
  lambdaFixed: 5,
  lambdaPerAttempt: 5,
  lambdaGbSeconds: 0.1,
  writeUnitsFixed: 12,
  readUnitsFixed: 10,
  writeUnitsPerTurn: 2,
};

export interface CostLine {
  item: string;
  basis: string;
  perHousehold: number;
}

/** Expected cost lines for one household (expected values over answer/no-answer outcomes). */
export function estimate(a: Assumptions, p = UNIT_PRICES): CostLine[] {
  const miss = 1 - a.answerRate;
  // Attempt k happens when the k-1 before were not answered.
  let attempts = 0;
  for (let k = 0; k < a.maxAttempts; k++) attempts += miss ** k;
  const answered = 1 - miss ** a.maxAttempts;
  const unansweredAttempts = attempts - answered;
  const minutes = answered * a.consultMinutes + unansweredAttempts * a.unansweredMinutes;
  const telephonyRate =
    a.mobileShare * p.telephonyKrMobilePerMinute + (1 - a.mobileShare) * p.telephonyKrLandlinePerMinute;
  const turns = answered * a.turns;
  const smsCount = a.mobileShare * (1 + (1 - answered)); // pre-notice + unreachable notice
  const lambdaInvocations = a.lambdaFixed + attempts * a.lambdaPerAttempt + turns;
  const inputTokens = turns * a.turnInputTokens + answered * a.summaryInputTokens;
  const outputTokens = turns * a.turnOutputTokens + answered * a.summaryOutputTokens;
  return [
    {
      item: 'Connect voice usage',
      basis: `${minutes.toFixed(2)} min`,
      perHousehold: minutes * p.connectVoicePerMinute,
    },
    {
      item: 'Connect telephony (KR outbound)',
      basis: `${minutes.toFixed(2)} min`,
      perHousehold: minutes * telephonyRate,
    },
    {
      item: 'Lex V2 speech requests',
      basis: `${turns.toFixed(1)} turns`,
      perHousehold: turns * p.lexSpeechPerRequest,
    },
    { item: 'Polly (inside Connect/Lex)', basis: 'included', perHousehold: 0 },
    {
      item: 'Bedrock tokens',
      basis: `${Math.round(inputTokens)} in / ${Math.round(outputTokens)} out`,
      perHousehold:
        (inputTokens / 1000) * p.bedrockInputPer1kTokens + (outputTokens / 1000) * p.bedrockOutputPer1kTokens,
    },
    {
      item: 'Step Functions (Standard + ingest)',
      basis: `${Math.round(a.transitionsFixed + attempts * a.transitionsPerAttempt)} transitions`,
      perHousehold:
        (a.transitionsFixed + attempts * a.transitionsPerAttempt) * p.sfnStandardPerTransition +
        p.sfnExpressPerRequest,
    },
    {
      item: 'Lambda (arm64)',
      basis: `${lambdaInvocations.toFixed(1)} invocations`,
      perHousehold: lambdaInvocations * (p.lambdaPerRequest + a.lambdaGbSeconds * p.lambdaPerGbSecond),
    },
    {
      item: 'DynamoDB on-demand',
      basis: `${Math.round(a.writeUnitsFixed + turns * a.writeUnitsPerTurn)} WRU / ${a.readUnitsFixed} RRU`,
      perHousehold:
        (a.writeUnitsFixed + turns * a.writeUnitsPerTurn) * p.dynamoDbPerWriteUnit +
        a.readUnitsFixed * p.dynamoDbPerReadUnit,
    },
    {
      item: 'SNS SMS to Korea',
      basis: `${smsCount.toFixed(2)} messages`,
      perHousehold: smsCount * p.snsSmsKoreaPerMessage,
    },
  ];
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      households: { type: 'string' },
      'answer-rate': { type: 'string' },
      'max-attempts': { type: 'string' },
      'consult-minutes': { type: 'string' },
      'mobile-share': { type: 'string' },
      turns: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  const a: Assumptions = {
    ...DEFAULT_ASSUMPTIONS,
    households: num(values.households, DEFAULT_ASSUMPTIONS.households),
    answerRate: num(values['answer-rate'], DEFAULT_ASSUMPTIONS.answerRate),
    maxAttempts: num(values['max-attempts'], DEFAULT_ASSUMPTIONS.maxAttempts),
    consultMinutes: num(values['consult-minutes'], DEFAULT_ASSUMPTIONS.consultMinutes),
    mobileShare: num(values['mobile-share'], DEFAULT_ASSUMPTIONS.mobileShare),
    turns: num(values.turns, DEFAULT_ASSUMPTIONS.turns),
  };
  if (Object.values(a).some((v) => !Number.isFinite(v)) || a.answerRate < 0 || a.answerRate > 1) {
    process.stderr.write('cost-estimate: every option must be a number; --answer-rate between 0 and 1\n');
    process.exitCode = 2;
    return;
  }
  const lines = estimate(a);
  const total = lines.reduce((sum, line) => sum + line.perHousehold, 0);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ assumptions: a, unitPrices: UNIT_PRICES, lines, perHousehold: total, total: total * a.households }, null, 2)}\n`,
    );
    return;
  }
  const usd = (v: number, digits = 4) => `$${v.toFixed(digits)}`;
  const rows = lines.map((l) => [l.item, l.basis, usd(l.perHousehold), usd(l.perHousehold * 1000, 2)]);
  rows.push(['Total', '', usd(total), usd(total * 1000, 2)]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(
      ...[['Item', 'Per household (expected)', 'USD / household', 'USD / 1,000'], ...rows].map(
        (r) => r[i]!.length,
      ),
    ),
  );
  const fmt = (r: string[]) =>
    r.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(
    `${[
      `Assumptions: answer rate ${a.answerRate} per attempt, up to ${a.maxAttempts} attempts, ${a.consultMinutes} min per consultation, ${a.unansweredMinutes} min per unanswered attempt, ${Math.round(a.mobileShare * 100)}% mobiles, ${a.turns} turns`,
      fmt(['Item', 'Per household (expected)', 'USD / household', 'USD / 1,000']),
      ...rows.map(fmt),
      `${a.households} households: ${usd(total * a.households, 2)}`,
      'Unit prices are stated in tools/cost-estimate.ts (USD, ap-northeast-2); verify them on the AWS pricing pages.',
    ].join('\n')}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
