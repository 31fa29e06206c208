/**
 * The Korean consultation contact flow (Amazon Connect flow language), built as data so tests can read it.
 * Set voice Seoyeon → AI disclosure → Lex V2 bot (the dialogue engine's code hook) with the call context in
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

export const AI_DISCLOSURE =
  '안녕하세요. $.Attributes.wfcOfficeName 입니다. 이 전화는 복지 상담을 위해 인공지능 상담원이 드리는 전화이며, 상담 내용은 담당 공무원에게 전달됩니다.';

export const FIRST_PROMPT =
  '문자로 보내 드린 확인번호는 $.Attributes.wfcVerificationCode 입니다. $.Attributes.wfcResidentName 님 맞으신가요?';

/** The flow document for `AWS::Connect::ContactFlow.Content`. */
export function consultationFlow(botAliasArn: string): Record<string, unknown> {
  const sessionAttributes: Record<string, string> = {
    'x-amz-lex:audio:start-timeout-ms:*:*': NO_INPUT_TIMEOUT_MS,
    ...Object.fromEntries(CONTEXT_ATTRIBUTES.map((name) => [name, `$.Attributes.${name}`])),
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
          NextAction: 'disclose-ai',
          Errors: [{ NextAction: 'disclose-ai', ErrorType: 'NoMatchingError' }],
        },
      },
      {
        Identifier: 'disclose-ai',
        Type: 'MessageParticipant',
        Parameters: { Text: AI_DISCLOSURE },
        Transitions: {
          NextAction: 'consult',
          Errors: [{ NextAction: 'mark-no-response', ErrorType: 'NoMatchingError' }],
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
