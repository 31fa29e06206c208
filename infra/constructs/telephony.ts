import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import * as connect from 'aws-cdk-lib/aws-connect';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { nagText } from '../nag.ts';
import { consultationFlow } from './contact-flow.ts';
import type { ServiceFunction } from './service-function.ts';

/** Lex V2 locale of the bot: Korean. */
export const BOT_LOCALE = 'ko_KR';

export interface TelephonyProps {
  /** Existing instance to use; empty creates one named `instanceAlias`. */
  instanceId: string;
  instanceAlias: string;
  /** The claimed Korean number (E.164) calls come from. */
  sourcePhoneNumber: string;
  /** Optional queue for outbound calls. */
  queueId: string;
  /** The Lex code hook: the dialogue engine. */
  botHook: ServiceFunction;
  /** Receives this instance's contact events and answers the waiting workflow. */
  contactEvents: ServiceFunction;
  /** Places the calls. */
  startCall: ServiceFunction;
  householdWorkflow: sfn.IStateMachine;
}

/**
 * Amazon Connect (imported by id or created), the Korean consultation contact flow, the Lex V2 bot (ko_KR,
 * Seoyeon, code hook, version, alias), and the rule that routes this instance's contact events to
 * `handle-contact-event`. Grants start-call and handle-contact-event exactly what they call.
 */
export class Telephony extends Construct {
  readonly instanceArn: string;
  readonly instanceId: string;
  readonly contactFlow: connect.CfnContactFlow;
  readonly bot: lex.CfnBot;
  readonly botAlias: lex.CfnBotAlias;
  readonly contactEventRule: events.Rule;

  constructor(scope: Construct, id: string, props: TelephonyProps) {
    super(scope, id);
    const stack = Stack.of(this);

    if (props.instanceId) {
      this.instanceId = props.instanceId;
      this.instanceArn = `arn:${stack.partition}:connect:${stack.region}:${stack.account}:instance/${props.instanceId}`;
    } else {
      const instance = new connect.CfnInstance(this, 'Instance', {
        identityManagementType: 'CONNECT_MANAGED',
        instanceAlias: props.instanceAlias,
        attributes: { inboundCalls: false, outboundCalls: true, contactflowLogs: true },
      });
      this.instanceArn = instance.attrArn;
      this.instanceId = instance.attrId;
    }

    // Lex V2 bot: every turn goes to the code hook (the dialogue engine); Lex does speech and Korean ASR.
    const botRole = new iam.Role(this, 'BotRole', {
      assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      description: 'Lex V2 consultation bot: speech synthesis only',
    });
    botRole.addToPolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech'], resources: ['*'] }));
    Validations.of(botRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'polly:SynthesizeSpeech has no resource-level permissions (Polly lexicons are not used).',
    });
    const codeHookIntent = (name: string, utterances: string[]): lex.CfnBot.IntentProperty => ({
      name,
      description: 'Every resident utterance goes to the dialogue engine (code hook)',
      sampleUtterances: utterances.map((utterance) => ({ utterance })),
      dialogCodeHook: { enabled: true },
      fulfillmentCodeHook: { enabled: true },
    });
    this.bot = new lex.CfnBot(this, 'Bot', {
      name: `${stack.stackName}-consultation`,
      description: '복지 위기가구 첫 상담 (Korean first-call consultation)',
      roleArn: botRole.roleArn,
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 600,
      autoBuildBotLocales: true,
      botLocales: [
        {
          localeId: BOT_LOCALE,
          nluConfidenceThreshold: 0.4,
          voiceSettings: { voiceId: 'Seoyeon', engine: 'neural' },
          intents: [
            codeHookIntent('Consultation', [
              '네',
              '예 맞아요',
              '누구세요',
              '괜찮아요',
              '요즘 좀 어렵습니다',
              '아니요',
            ]),
            {
              name: 'FallbackIntent',
              parentIntentSignature: 'AMAZON.FallbackIntent',
              fulfillmentCodeHook: { enabled: true },
            },
          ],
        },
      ],
    });
    const version = new lex.CfnBotVersion(this, 'BotVersion', {
      botId: this.bot.attrId,
      botVersionLocaleSpecification: [
        { localeId: BOT_LOCALE, botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } },
      ],
    });
    this.botAlias = new lex.CfnBotAlias(this, 'BotAlias', {
      botId: this.bot.attrId,
      botAliasName: 'live',
      botVersion: version.attrBotVersion,
      botAliasLocaleSettings: [
        {
          localeId: BOT_LOCALE,
          botAliasLocaleSetting: {
            enabled: true,
            codeHookSpecification: {
              lambdaCodeHook: { lambdaArn: props.botHook.functionArn, codeHookInterfaceVersion: '1.0' },
            },
          },
        },
      ],
    });
    new lambda.CfnPermission(this, 'BotInvokesHook', {
      action: 'lambda:InvokeFunction',
      functionName: props.botHook.functionArn,
      principal: 'lexv2.amazonaws.com',
      sourceArn: this.botAlias.attrArn,
    });
    new connect.CfnIntegrationAssociation(this, 'BotAssociation', {
      instanceId: this.instanceArn,
      integrationType: 'LEX_BOT',
      integrationArn: this.botAlias.attrArn,
    });

    this.contactFlow = new connect.CfnContactFlow(this, 'ConsultationFlow', {
      instanceArn: this.instanceArn,
      name: 'welfare-first-call consultation (ko-KR)',
      description: 'AI disclosure, Lex V2 consultation, bot result into contact attributes, disconnect',
      type: 'CONTACT_FLOW',
      content: stack.toJsonString(consultationFlow(this.botAlias.attrArn)),
    });

    const contacts = `${this.instanceArn}/contact/*`;
    props.startCall
      .addEnvironment('CONNECT_INSTANCE_ID', this.instanceId)
      // arn:…:instance/<instance id>/contact-flow/<flow id>
      .addEnvironment(
        'CONNECT_CONTACT_FLOW_ID',
        Fn.select(3, Fn.split('/', this.contactFlow.attrContactFlowArn)),
      )
      .addEnvironment('CONNECT_SOURCE_PHONE_NUMBER', props.sourcePhoneNumber)
      .addEnvironment('CONNECT_QUEUE_ID', props.queueId)
      .allow(
        ['connect:StartOutboundVoiceContact'],
        [
          contacts,
          this.contactFlow.attrContactFlowArn,
          ...(props.queueId ? [`${this.instanceArn}/queue/${props.queueId}`] : []),
        ],
      );
    props.contactEvents
      .addEnvironment('CONNECT_INSTANCE_ID', this.instanceId)
      .allow(['connect:DescribeContact', 'connect:GetContactAttributes'], [contacts]);
    props.householdWorkflow.grantTaskResponse(props.contactEvents.role);
    for (const fn of [props.startCall, props.contactEvents]) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagText(stack, this.instanceArn)}/contact/*]`,
        reason: 'Contact ids are generated per call; the permission is scoped to this Connect instance.',
      });
    }

    this.contactEventRule = new events.Rule(this, 'ContactEvents', {
      description: "This instance's contact events → handle-contact-event (how each call ended)",
      eventPattern: {
        source: ['aws.connect'],
        detailType: ['Amazon Connect Contact Event'],
        detail: { instanceArn: [this.instanceArn], eventType: ['DISCONNECTED'], channel: ['VOICE'] },
      },
    });
    this.contactEventRule.addTarget(
      new targets.LambdaFunction(props.contactEvents.function, {
        deadLetterQueue: props.contactEvents.deadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      }),
    );
  }
}
