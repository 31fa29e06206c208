import { readFileSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES_TABLE } from '../../functions/shared/table-design.ts';
import { HOUSEHOLD_SUBSTITUTIONS, HOUSEHOLD_WORKFLOW_FILE } from '../../statemachines/definitions.ts';
import { INGEST_SUBSTITUTIONS, INGEST_WORKFLOW_FILE } from '../../statemachines/ingest-definition.ts';
import { type Synthesized, synthesize } from './support/synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let synth: Synthesized;
let template: Template;

const resourcesOf = (type: string): [string, Resource][] =>
  Object.entries(template.findResources(type)) as [string, Resource][];

/** Logical id of the Lambda built from functions/<name>. */
function functionId(name: string): string {
  const fn = synth.stack.functions[name as keyof typeof synth.stack.functions];
  if (!fn) throw new Error(`no function for ${name}`);
  return synth.stack.getLogicalId(fn.function.node.defaultChild as CfnElement);
}

function statementsOfRole(roleIdPrefix: string): Statement[] {
  return resourcesOf('AWS::IAM::Policy')
    .filter(([, policy]) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref.startsWith(roleIdPrefix)),
    )
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function roleId(name: string): string {
  const fn = synth.stack.functions[name as keyof typeof synth.stack.functions];
  return synth.stack.getLogicalId(fn.role.node.defaultChild as CfnElement);
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesIn = (s: Statement) => JSON.stringify(s.Resource);

beforeAll(() => {
  // Prepare: one synth per file, cdk-nag AwsSolutions enabled (an unacknowledged finding throws here).
  synth = synthesize();
  template = synth.template;
});

describe('Stack: WelfareFirstCall', () => {
  describe('Construct: DataTables', () => {
    it('builds the Cases table from table-design with KMS, PITR, TTL, on-demand and deletion protection', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: CASES_TABLE.partitionKey.name, KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: CASES_TABLE.ttlAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: Match.arrayWith(
          CASES_TABLE.indexes.map((index) => Match.objectLike({ IndexName: index.name })),
        ),
      });
    });

    it('encrypts and retains all four tables', () => {
      const tables = resourcesOf('AWS::DynamoDB::Table');
      expect(tables).toHaveLength(4);
      for (const [id] of tables) {
        expect(template.toJSON().Resources[id].DeletionPolicy).toBe('Retain');
        expect(template.toJSON().Resources[id].Properties.SSESpecification.SSEType).toBe('KMS');
      }
    });
  });

  describe('Security properties', () => {
    it('has no IAM statement with a wildcard action', () => {
      const wildcards = resourcesOf('AWS::IAM::Policy').flatMap(([id, policy]) =>
        (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((s) =>
          actionsOf(s)
            .filter((a) => a.includes('*'))
            .map((a) => `${id}: ${a}`),
        ),
      );
      expect(wildcards).toEqual([]);
    });

    it('encrypts every log group, topic and queue with the customer-managed key', () => {
      for (const [, group] of resourcesOf('AWS::Logs::LogGroup'))
        expect(group.Properties.KmsKeyId).toBeDefined();
      for (const [, topic] of resourcesOf('AWS::SNS::Topic'))
        expect(topic.Properties.KmsMasterKeyId).toBeDefined();
      for (const [, queue] of resourcesOf('AWS::SQS::Queue'))
        expect(queue.Properties.KmsMasterKeyId).toBeDefined();
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('keeps the lists bucket KMS-encrypted, versioned, private and TLS-only', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({
              ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }),
            }),
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'lists-bucket/' }),
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('runs every Lambda on Node.js 24 ARM64 with tracing, KMS-encrypted environment and its own log group', () => {
      const functions = resourcesOf('AWS::Lambda::Function').filter(
        ([id]) => !id.startsWith('BucketNotifications'),
      );
      expect(functions.length).toBe(14);
      for (const [, fn] of functions) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          Handler: 'index.handler',
        });
        expect(fn.Properties.KmsKeyArn).toBeDefined();
        expect((fn.Properties.LoggingConfig as { LogGroup?: unknown }).LogGroup).toBeDefined();
      }
    });
  });

  describe('Construct: HouseholdWorkflow', () => {
    const asl = readFileSync(HOUSEHOLD_WORKFLOW_FILE, 'utf8');

    it('resolves every substitution placeholder of household.asl.json and ingest.asl.json', () => {
      const definitions = resourcesOf('AWS::StepFunctions::StateMachine').map(([, sm]) =>
        JSON.stringify(sm.Properties.DefinitionString),
      );
      expect(definitions).toHaveLength(2);
      for (const name of [...Object.keys(HOUSEHOLD_SUBSTITUTIONS), ...Object.keys(INGEST_SUBSTITUTIONS)]) {
        for (const definition of definitions) expect(definition).not.toContain(`\${${name}}`);
      }
      expect(definitions.join()).not.toMatch(/\$\{[A-Za-z]+\}/);
    });

    it('grants the role each integration the ASL uses, and nothing broader', () => {
      const statements = statementsOfRole('HouseholdWorkflowRole');
      const allowed = (action: string) => statements.filter((s) => actionsOf(s).includes(action));
      // Every "${XxxFunctionArn}" in the file is invocable.
      const invocable = allowed('lambda:InvokeFunction').map(resourcesIn).join();
      const functionSubs = [...asl.matchAll(/\$\{(\w+FunctionArn)\}/g)].map((m) => m[1] as string);
      expect(new Set(functionSubs).size).toBe(9);
      for (const sub of new Set(functionSubs)) {
        const name = sub
          .replace(/FunctionArn$/, '')
          .replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
        expect(invocable).toContain(functionId(name));
      }
      if (asl.includes('arn:aws:states:::sns:publish')) {
        expect(allowed('sns:Publish').map(resourcesIn)).toEqual(
          expect.arrayContaining(['"*"', expect.stringContaining('TopicsEmergency')]),
        );
      }
      if (asl.includes('arn:aws:states:::dynamodb:updateItem')) {
        expect(allowed('dynamodb:UpdateItem').map(resourcesIn).join()).toContain('TablesCases');
      }
      // No integration the file does not use.
      const actions = new Set(statements.flatMap(actionsOf));
      expect(
        [...actions].filter(
          (a) => !/^(lambda:InvokeFunction|sns:Publish|dynamodb:UpdateItem|kms:|logs:|xray:)/.test(a),
        ),
      ).toEqual([]);
    });

    it('logs ALL to a KMS-encrypted log group and traces with X-Ray', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
      });
    });
  });

  describe('Construct: ListIngest', () => {
    it('starts the ingest workflow exactly for lists/<district>/*.csv in the lists bucket', () => {
      const rules = resourcesOf('AWS::Events::Rule').filter(
        ([, rule]) =>
          (rule.Properties.EventPattern as { source?: string[] } | undefined)?.source?.[0] === 'aws.s3',
      );
      expect(rules).toHaveLength(1);
      expect(rules[0]![1].Properties.EventPattern).toEqual({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: { name: [{ Ref: expect.stringMatching(/^IngestLists/) }] },
          object: { key: [{ wildcard: 'lists/*/*.csv' }] },
        },
      });
    });

    it('lets the ingest role start household executions and read only lists/ and intake-results/', () => {
      const statements = statementsOfRole('IngestRole');
      const start = statements.filter((s) => actionsOf(s).includes('states:StartExecution')).map(resourcesIn);
      expect(start.join()).toContain('HouseholdWorkflowStateMachine');
      const s3Resources = statements
        .filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')))
        .map(resourcesIn);
      for (const resource of s3Resources) expect(resource).toMatch(/\/(lists|intake-results)\/\*/);
      expect(JSON.stringify(template.toJSON())).toContain(
        JSON.parse(readFileSync(INGEST_WORKFLOW_FILE, 'utf8')).States['Start Households'].ItemReader
          .ReaderConfig.InputType,
      );
    });
  });

  describe('Construct: Telephony', () => {
    it('builds a ko_KR Lex V2 bot with Seoyeon and a code hook on the alias', () => {
      template.hasResourceProperties('AWS::Lex::Bot', {
        BotLocales: [
          Match.objectLike({
            LocaleId: 'ko_KR',
            VoiceSettings: { VoiceId: 'Seoyeon', Engine: 'neural' },
            Intents: Match.arrayWith([Match.objectLike({ DialogCodeHook: { Enabled: true } })]),
          }),
        ],
      });
      template.hasResourceProperties('AWS::Lex::BotAlias', {
        BotAliasLocaleSettings: [
          {
            LocaleId: 'ko_KR',
            BotAliasLocaleSetting: {
              Enabled: true,
              CodeHookSpecification: {
                LambdaCodeHook: {
                  CodeHookInterfaceVersion: '1.0',
                  LambdaArn: { 'Fn::GetAtt': [functionId('handle-lex-turn'), 'Arn'] },
                },
              },
            },
          },
        ],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Principal: 'lexv2.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [functionId('handle-lex-turn'), 'Arn'] },
      });
    });

    it('routes only DISCONNECTED voice contact events of this instance to handle-contact-event', () => {
      const rule = resourcesOf('AWS::Events::Rule').find(
        ([, r]) =>
          (r.Properties.EventPattern as { source?: string[] } | undefined)?.source?.[0] === 'aws.connect',
      );
      expect(rule?.[1].Properties.EventPattern).toEqual({
        source: ['aws.connect'],
        'detail-type': ['Amazon Connect Contact Event'],
        detail: {
          instanceArn: [{ 'Fn::GetAtt': [expect.stringMatching(/^TelephonyInstance/), 'Arn'] }],
          eventType: ['DISCONNECTED'],
          channel: ['VOICE'],
        },
      });
      expect(JSON.stringify(rule?.[1].Properties.Targets)).toContain(functionId('handle-contact-event'));
    });

    it('gives start-call its Connect settings and only StartOutboundVoiceContact', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            CONNECT_INSTANCE_ID: Match.anyValue(),
            CONNECT_CONTACT_FLOW_ID: Match.anyValue(),
            CONNECT_SOURCE_PHONE_NUMBER: '+8225550100',
            CONNECT_QUEUE_ID: '',
            CASES_TABLE_NAME: Match.anyValue(),
            CALL_SLOTS: '10',
            CALLING_HOURS: '10:00-18:00',
            DISTRICTS: Match.stringLikeRegexp('강남구청'),
            SUMMARIZER: 'bedrock',
          }),
        },
      });
      const connectActions = statementsOfRole(roleId('start-call'))
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('connect:'));
      expect(connectActions).toEqual(['connect:StartOutboundVoiceContact']);
    });

    it('speaks Korean with Seoyeon, discloses the AI and copies the bot result into contact attributes', () => {
      const [, flow] = resourcesOf('AWS::Connect::ContactFlow')[0]!;
      const content = JSON.stringify(flow.Properties.Content);
      expect(content).toContain('Seoyeon');
      expect(content).toContain('인공지능 상담원');
      expect(content).toContain('ConnectParticipantWithLexBot');
      // The code hook gets the contact id and the call context as Lex session attributes.
      expect(content).toContain('\\"wfcContactId\\":\\"$.ContactId\\"');
      expect(content).toContain('\\"wfcVerificationCode\\":\\"$.Attributes.wfcVerificationCode\\"');
      expect(content).toContain('$.Lex.SessionAttributes.wfcNoResponse');
      expect(content).toContain('DisconnectParticipant');
    });
  });

  describe('Construct: CaseworkerApi', () => {
    it('puts every method behind the Cognito authorizer', () => {
      const methods = resourcesOf('AWS::ApiGateway::Method');
      expect(methods.length).toBeGreaterThanOrEqual(2);
      for (const [, method] of methods)
        expect(method.Properties.AuthorizationType).toBe('COGNITO_USER_POOLS');
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith([Match.objectLike({ Name: 'district', Mutable: true })]),
        MfaConfiguration: 'ON',
      });
      const groups = resourcesOf('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
      expect(groups.sort()).toEqual(['caseworker', 'supervisor']);
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
        TracingEnabled: true,
        MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 })],
      });
    });
  });

  describe('Construct: Monitoring', () => {
    it('alarms on failed executions, DLQ depth and any EMERGENCY alert', () => {
      const alarms = resourcesOf('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
      expect(alarms.some((a) => a.MetricName === 'ExecutionsFailed')).toBe(true);
      expect(alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toBe(true);
      expect(alarms.some((a) => a.MetricName === 'NumberOfMessagesPublished')).toBe(true);
      expect(alarms.some((a) => a.MetricName === 'Throttles')).toBe(true);
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    });
  });
});
