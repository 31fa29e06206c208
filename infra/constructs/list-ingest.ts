import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { loadDefinition } from '../../statemachines/definitions.ts';
import { INGEST_WORKFLOW_FILE, type IngestSubstitutions } from '../../statemachines/ingest-definition.ts';
import { nagText } from '../nag.ts';
import { type EntryResolver, ServiceFunction } from './service-function.ts';

/** Key pattern of an uploaded list; anything else in the bucket (reports, accepted rows, results) is ignored. */
export const LIST_KEY_WILDCARD = 'lists/*/*.csv';

export interface ListIngestProps {
  key: kms.IKey;
  householdWorkflow: sfn.IStateMachine;
  /** Days uploaded lists and their derived files are kept (PII retention). */
  retentionDays: number;
  logRetention: logs.RetentionDays;
  resolveEntry?: EntryResolver;
}

/**
 * Upload a list to `lists/<district>/<file>.csv` → EventBridge → ingest workflow (`statemachines/ingest.asl.json`):
 * `validate-list` writes the report beside the list, then a Distributed Map starts one household execution per
 * accepted row, named by its case id.
 */
export class ListIngest extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly validateList: ServiceFunction;
  readonly stateMachine: sfn.StateMachine;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ListIngestProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      // Server access logging cannot deliver to SSE-KMS buckets; SSE-S3 is the supported choice.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(730), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the server access log destination of the lists bucket; logging it into itself would loop.',
    });

    this.bucket = new s3.Bucket(this, 'Lists', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      eventBridgeEnabled: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'lists-bucket/',
      lifecycleRules: [
        { id: 'lists-retention', prefix: 'lists/', expiration: Duration.days(props.retentionDays) },
        { id: 'intake-results', prefix: 'intake-results/', expiration: Duration.days(90) },
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30) },
        { id: 'incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // eventBridgeEnabled is applied by CDK's stack-wide bucket-notifications custom resource.
    const notificationsHandler = stack.node.tryFindChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    );
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK-owned deploy-time custom resource that turns on EventBridge notifications for the lists bucket; it only writes its own logs.',
      });
    }
    const listObjects = this.bucket.arnForObjects('lists/*');
    const resultObjects = this.bucket.arnForObjects('intake-results/*');

    this.validateList = new ServiceFunction(this, 'ValidateList', {
      name: 'validate-list',
      description: 'Validates an uploaded household list; writes accepted rows and the report beside it',
      key: props.key,
      // Two streamed passes over up to ~1,000,000 rows plus uploads; /tmp holds the accepted rows.
      timeout: Duration.minutes(15),
      memorySize: 2048,
      ephemeralStorageMiB: 4096,
      logRetention: props.logRetention,
      resolveEntry: props.resolveEntry,
    });
    this.validateList
      .allow(['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], [listObjects])
      .allow(['kms:Decrypt', 'kms:GenerateDataKey'], [props.key.keyArn]);
    Validations.of(this.validateList.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/lists/*]`,
      reason:
        'Reads any uploaded list and writes its report beside it: objects under lists/ only, never the whole bucket.',
    });

    const stateMachineName = `${stack.stackName}-ingest`;
    const selfArn = `arn:${stack.partition}:states:${stack.region}:${stack.account}:stateMachine:${stateMachineName}`;
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'ingest workflow: exactly the integrations of ingest.asl.json',
    });
    const allow = (actions: string[], resources: string[]) =>
      role.addToPolicy(new iam.PolicyStatement({ actions, resources }));
    allow(['lambda:InvokeFunction'], [this.validateList.functionArn]); // "Validate List"
    allow(['states:StartExecution'], [props.householdWorkflow.stateMachineArn]); // "Start Household"
    // Distributed Map: starts its own child executions, watches and stops them, and can redrive the map run.
    allow(['states:StartExecution'], [selfArn]);
    const childExecutions = `arn:${stack.partition}:states:${stack.region}:${stack.account}:execution:${stateMachineName}/*`;
    const mapRuns = `arn:${stack.partition}:states:${stack.region}:${stack.account}:mapRun:${stateMachineName}/*:*`;
    allow(['states:DescribeExecution', 'states:StopExecution'], [childExecutions]);
    allow(['states:RedriveExecution'], [mapRuns]);
    allow(['s3:GetObject'], [listObjects]); // ItemReader over <file>.accepted.jsonl
    allow(
      ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
      [resultObjects],
    );
    allow(['kms:Decrypt', 'kms:GenerateDataKey'], [props.key.keyArn]);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const substitutions: IngestSubstitutions = {
      ValidateListFunctionArn: this.validateList.functionArn,
      HouseholdStateMachineArn: props.householdWorkflow.stateMachineArn,
    };
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      definitionBody: sfn.DefinitionBody.fromString(loadDefinition(INGEST_WORKFLOW_FILE, substitutions)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      role,
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      comment: 'welfare-first-call: one uploaded list to one household execution per accepted row',
    });
    // The role's policy names the state machine by its fixed name; make sure the policy exists before it runs.
    this.stateMachine.node.addDependency(role);

    const acknowledgeRole = (finding: string, reason: string) =>
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    acknowledgeRole(
      'Resource::*',
      'CloudWatch Logs delivery and X-Ray actions added by the logging and tracing options have no resource-level permissions.',
    );
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    acknowledgeRole(
      `Resource::<${bucketId}.Arn>/lists/*`,
      'ItemReader reads the accepted rows written beside the list.',
    );
    acknowledgeRole(
      `Resource::<${bucketId}.Arn>/intake-results/*`,
      'ResultWriter writes the map run results under intake-results/ only.',
    );
    acknowledgeRole(
      `Resource::${nagText(stack, childExecutions)}`,
      'Distributed Map child executions have generated names; scoped to this state machine.',
    );
    acknowledgeRole(
      `Resource::${nagText(stack, mapRuns)}`,
      'Map runs have generated names; redrive is scoped to this state machine.',
    );

    this.deadLetterQueue = new sqs.Queue(this, 'RuleDeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue IS the dead-letter queue of the upload rule target; a DLQ has no DLQ.',
    });
    this.rule = new events.Rule(this, 'ListUploaded', {
      description: 'A household list uploaded to lists/<district>/<file>.csv starts the ingest workflow',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [this.bucket.bucketName] },
          object: { key: events.Match.wildcard(LIST_KEY_WILDCARD) },
        },
      },
    });
    this.rule.addTarget(
      new targets.SfnStateMachine(this.stateMachine, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(24),
      }),
    );
  }
}
