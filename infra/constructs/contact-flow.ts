/**
 * The Korean consultation contact flow (Amazon Connect flow language), built as data so tests can read it.
 * Set voice Seoyeon → Lex V2 bot (its prompt discloses the AI; the code hook's first turn gives the code) (the dialogue engine's code hook) with the call context in
 * session attributes → copy what the bot decided (no response, opt-out, outcome) into contact attributes for
 * handle-contact-event → disconnect. A voicemail greeting or silence ends in the bot's no-response path, or in
 * the flow's own error branch, both marking `wfcNoResponse` so it is never taken for a consultation.
 */

/** Contact attributes set by start-call that the bot needs (functions/domain/contact-attributes.ts). */
const CONTEXT_ATTRIBUTES = [
  'wfcCaseId',
  'wfcHouseholdId',
  'wfcDistrictCode',
  'wfcResidentName',
  'wfcBirthYear',
  'wfcOfficeName',
  'wfcOfficePhone',
  'wfcVerificationCode',
  'wfcRiskFlags',
] as const;

/** Attributes the Lex code hook sets in session attributes and the flow copies onto the contact. */
export const BOT_RESULT_ATTRIBUTES = ['wfcNoResponse', 'wfcOptOut', 'wfcOutcome'] as const;

/** Seconds of silence after a prompt before Lex hands the turn to the code hook as "no input". */
const NO_INPUT_TIMEOUT_MS = '6000';

/**
 * What the flow itself says when the resident picks up: who is calling and that it is an AI, then it waits for any
 * answer ("여보세요", "네"). The code hook's first turn then gives the full opening — the SMS verification code
 * and the identity question — so the engine, not the flow, owns every consultation prompt. Silence here is the
 * voicemail / no-response path.
 */
export const FIRST_PROMPT =
  '안녕하세요. $.Attributes.wfcOfficeName 인공지능 상담원입니다. 제 목소리가 들리시면 네, 라고 말씀해 주세요.';

/** The flow document for `AWS::Connect::ContactFlow.Content`. */
export function consultationFlow(botAliasArn: string): Record<string, unknown> {
  const sessionAttributes: Record<string, string> = {
    'x-amz-lex:audio:start-timeout-ms:*:*': NO_INPUT_TIMEOUT_MS,
    ...Object.fromEntries(CONTEXT_ATTRIBUTES.map((name) => [name, `$.Attributes.${name}`])),
    // The code hook keys the transcript by the contact (Lex's session id is the contact id too; this is explicit).
    wfcContactId: '$.ContactId',
  };
  return {
    Version: '2019-10-30',
    StartAction: 'enable-logging',
    Actions: [
      {
        Identifier: 'enable-logging',
        Type: 'UpdateFlowLoggingBehavior',
        Parameters: { FlowLoggingBehavior: 'Enabled' },
        Transitions: { NextAction: 'set-voice' },
      },
      {
        Identifier: 'set-voice',
        Type: 'UpdateContactTextToSpeechVoice',
        Parameters: { TextToSpeechVoice: 'Seoyeon', TextToSpeechEngine: 'Neural' },
        Transitions: {
          NextAction: 'consult',
          Errors: [{ NextAction: 'consult', ErrorType: 'NoMatchingError' }],
        },
      },
      {
        Identifier: 'consult',
        Type: 'ConnectParticipantWithLexBot',
        Parameters: {
          Text: FIRST_PROMPT,
          LexV2Bot: { AliasArn: botAliasArn },
          LexSessionAttributes: sessionAttributes,
        },
        Transitions: {
          NextAction: 'copy-bot-result',
          Errors: [
            { NextAction: 'copy-bot-result', ErrorType: 'NoMatchingCondition' },
            { NextAction: 'mark-no-response', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      {
        Identifier: 'copy-bot-result',
        Type: 'UpdateContactAttributes',
        Parameters: {
          TargetContact: 'Current',
          Attributes: Object.fromEntries(
            BOT_RESULT_ATTRIBUTES.map((n) => [n, `$.Lex.SessionAttributes.${n}`]),
          ),
        },
        Transitions: {
          NextAction: 'disconnect',
          Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }],
        },
      },
      {
        Identifier: 'mark-no-response',
        Type: 'UpdateContactAttributes',
        Parameters: { TargetContact: 'Current', Attributes: { wfcNoResponse: 'true' } },
        Transitions: {
          NextAction: 'disconnect',
          Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }],
        },
      },
      { Identifier: 'disconnect', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };
}
