import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type DeployConfig, settingsEnvironment } from '../config.ts';
import { AlertTopics } from '../constructs/alert-topics.ts';
import { bedrockModelResources } from '../constructs/bedrock.ts';
import { CaseworkerApi } from '../constructs/caseworker-api.ts';
import { DataKey } from '../constructs/data-key.ts';
import { DataTables } from '../constructs/data-tables.ts';
import {
  HOUSEHOLD_STEP_FUNCTIONS,
  type HouseholdStepName,
  HouseholdWorkflow,
} from '../constructs/household-workflow.ts';
import { ListIngest } from '../constructs/list-ingest.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import {
  assertEntriesExist,
  defaultEntryResolver,
  type EntryResolver,
  ServiceFunction,
} from '../constructs/service-function.ts';
import { Telephony } from '../constructs/telephony.ts';
import { nagText } from '../nag.ts';

/** Every Lambda of the deployment, by folder under `functions/`. */
export const FUNCTION_NAMES = [
  ...Object.values(HOUSEHOLD_STEP_FUNCTIONS),
  'handle-contact-event',
  'handle-lex-turn',
  'caseworker-api',
  'sweep-call-slots',
  'validate-list',
] as const;

export interface WelfareFirstCallStackProps extends StackProps {
  config: DeployConfig;
  /** Where each function's entry is; tests may override. @default functions/<name>/handler.ts */
  resolveEntry?: EntryResolver;
}

const RETENTION: Record<DeployConfig['logRetentionDays'], logs.RetentionDays> = {
  30: logs.RetentionDays.ONE_MONTH,
  60: logs.RetentionDays.TWO_MONTHS,
  90: logs.RetentionDays.THREE_MONTHS,
  180: logs.RetentionDays.SIX_MONTHS,
  365: logs.RetentionDays.ONE_YEAR,
  731: logs.RetentionDays.TWO_YEARS,
  1827: logs.RetentionDays.FIVE_YEARS,
};

/** The whole deployment: data, workflows, telephony, caseworker API and monitoring. */
export class WelfareFirstCallStack extends Stack {
  readonly functions: Record<(typeof FUNCTION_NAMES)[number], ServiceFunction>;

  constructor(scope: Construct, id: string, props: WelfareFirstCallStackProps) {
    super(scope, id, props);
    const { config } = props;
    const resolveEntry = props.resolveEntry ?? defaultEntryResolver;
    // Name every missing handler at once rather than failing on the first.
    assertEntriesExist(FUNCTION_NAMES, resolveEntry);
    const logRetention = RETENTION[config.logRetentionDays];

    const { key } = new DataKey(this, 'DataKey');
    const tables = new DataTables(this, 'Tables', { key });
    const topics = new AlertTopics(this, 'Topics', { key, alarmEmail: config.alarmEmail });

    const workflowEnvironment = {
      ...settingsEnvironment(config),
      ALERT_TOPIC_ARN: topics.emergency.topicArn,
      SUMMARIZER: 'bedrock',
      BEDROCK_MODEL_ID: config.bedrockModelId,
      TRANSCRIPT_RETENTION_DAYS: String(config.retentionDays),
    };
    const fn = (
      name: string,
      description: string,
      extra: Partial<ConstructorParameters<typeof ServiceFunction>[2]> = {},
    ) =>
      new ServiceFunction(this, name, {
        name,
        description,
        key,
        logRetention,
        resolveEntry,
        environment: workflowEnvironment,
        ...extra,
      });

    const steps: Record<HouseholdStepName, ServiceFunction> = {
      'reserve-case': fn('reserve-case', 'Creates the case once (conditional put) with its pre-notice'),
      'plan-call': fn('plan-call', 'Plans the pre-notice and the call inside calling hours'),
      'acquire-call-slot': fn('acquire-call-slot', 'Takes a call slot (DynamoDB semaphore)'),
      'release-call-slot': fn('release-call-slot', 'Gives the call slot back'),
      'start-call': fn('start-call', 'Places the Amazon Connect outbound call with the task token'),
      'record-call-attempt': fn('record-call-attempt', 'Records a call attempt and decides retry or summary'),
      'summarize-consultation': fn('summarize-consultation', 'Summarizes the transcript (Bedrock Converse)', {
        timeout: Duration.seconds(110),
        memorySize: 1024,
      }),
      'record-consultation': fn('record-consultation', 'Stores the summary; callback or finish'),
      'finish-case': fn('finish-case', 'Writes the terminal case into the district queue'),
    };
    const usesCaseRepository = [
      'reserve-case',
      'plan-call',
      'start-call',
      'record-call-attempt',
      'record-consultation',
      'finish-case',
    ] as const;
    for (const name of usesCaseRepository)
      steps[name].bindTable(tables.cases, 'readWrite').bindTable(tables.control, 'readWrite');
    for (const name of ['acquire-call-slot', 'release-call-slot'] as const)
      steps[name].bindTable(tables.control, 'readWrite');
    steps['summarize-consultation'].bindTable(tables.cases, 'read').bindTable(tables.transcripts, 'read');
    const bedrock = bedrockModelResources(this, config.bedrockModelId);
    steps['summarize-consultation'].allow(['bedrock:InvokeModel'], bedrock.resources);

    const lexTurn = fn(
      'handle-lex-turn',
      'Lex V2 code hook: one dialogue turn, transcript write, emergency alert',
      {
        timeout: Duration.seconds(10),
        memorySize: 1024,
      },
    )
      .bindTable(tables.transcripts, 'readWrite')
      .bindTable(tables.cases, 'read')
      .allow(['sns:Publish'], [topics.emergency.topicArn])
      .allow(['kms:Decrypt', 'kms:GenerateDataKey'], [key.keyArn])
      .allow(['bedrock:InvokeModel'], bedrock.resources);
    const contactEvents = fn(
      'handle-contact-event',
      'Connect contact event → task success for the household workflow',
      {
        asyncInvoked: true,
      },
    );
    const sweeper = fn('sweep-call-slots', 'Frees call slots of executions that are no longer running', {
      asyncInvoked: true,
      timeout: Duration.minutes(2),
    }).bindTable(tables.control, 'readWrite');
    const caseworkerApi = fn('caseworker-api', 'Caseworker API (contract §3.6)', {
      environment: { ACCESS_LOG_RETENTION_DAYS: String(Math.max(config.retentionDays, 1825)) },
    })
      .bindTable(tables.cases, 'readWrite')
      .bindTable(tables.transcripts, 'read')
      .bindTable(tables.accessLog, 'write');

    const household = new HouseholdWorkflow(this, 'HouseholdWorkflow', {
      steps,
      cases: tables.cases,
      alertTopic: topics.emergency,
      key,
      logRetention,
    });

    // Slot holders are household execution ARNs; the sweeper asks whether each is still RUNNING.
    const executions = `arn:${this.partition}:states:${this.region}:${this.account}:execution:${household.stateMachine.stateMachineName}:*`;
    sweeper.allow(['states:DescribeExecution'], [executions]);
    Validations.of(sweeper.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(this, executions)}]`,
      reason:
        'Execution names are per household (case ids); DescribeExecution is scoped to the household state machine.',
    });
    new events.Rule(this, 'SweepCallSlots', {
      description: 'Every 5 minutes: release call slots held by executions that are no longer running',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [
        new targets.LambdaFunction(sweeper.function, {
          deadLetterQueue: sweeper.deadLetterQueue,
          retryAttempts: 2,
        }),
      ],
    });

    const telephony = new Telephony(this, 'Telephony', {
      instanceId: config.connectInstanceId,
      instanceAlias: config.connectInstanceAlias,
      sourcePhoneNumber: config.connectSourcePhoneNumber,
      queueId: config.connectQueueId,
      botHook: lexTurn,
      contactEvents,
      startCall: steps['start-call'],
      householdWorkflow: household.stateMachine,
    });

    const ingest = new ListIngest(this, 'Ingest', {
      key,
      householdWorkflow: household.stateMachine,
      retentionDays: config.retentionDays,
      logRetention,
      resolveEntry,
    });

    const api = new CaseworkerApi(this, 'CaseworkerApi', {
      handler: caseworkerApi,
      key,
      throttleRatePerSecond: config.apiThrottleRatePerSecond,
      supervisorDistricts: config.supervisorDistricts,
      logRetention,
    });

    this.functions = {
      ...steps,
      'handle-contact-event': contactEvents,
      'handle-lex-turn': lexTurn,
      'caseworker-api': caseworkerApi,
      'sweep-call-slots': sweeper,
      'validate-list': ingest.validateList,
    };

    if (bedrock.profile) {
      for (const bound of [steps['summarize-consultation'], lexTurn]) {
        Validations.of(bound.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${nagText(this, bedrock.resources[1]!)}]`,
          reason:
            'A cross-region inference profile routes to the same foundation model in regions chosen by Bedrock; the model ' +
            'is fixed, only the region is open, and the profile ARN in the same policy is this account/region only.',
        });
      }
    }

    new Monitoring(this, 'Monitoring', {
      householdWorkflow: household.stateMachine,
      ingestWorkflow: ingest.stateMachine,
      functions: Object.values(this.functions),
      deadLetterQueues: [
        ingest.deadLetterQueue,
        ...Object.values(this.functions).flatMap((f) => (f.deadLetterQueue ? [f.deadLetterQueue] : [])),
      ],
      emergencyTopic: topics.emergency,
      operationsTopic: topics.operations,
    });

    new CfnOutput(this, 'ListsBucketName', {
      value: ingest.bucket.bucketName,
      description: 'Upload lists to lists/<district>/<file>.csv',
    });
    new CfnOutput(this, 'HouseholdStateMachineArn', { value: household.stateMachine.stateMachineArn });
    new CfnOutput(this, 'IngestStateMachineArn', { value: ingest.stateMachine.stateMachineArn });
    new CfnOutput(this, 'EmergencyTopicArn', {
      value: topics.emergency.topicArn,
      description: 'Subscribe each district with a filter policy on districtCode',
    });
    new CfnOutput(this, 'OperationsTopicArn', { value: topics.operations.topicArn });
    new CfnOutput(this, 'ApiUrl', { value: api.api.url });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'ConnectInstanceId', { value: telephony.instanceId });
    new CfnOutput(this, 'ContactFlowArn', { value: telephony.contactFlow.attrContactFlowArn });
  }
}
