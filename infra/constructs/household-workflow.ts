import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  HOUSEHOLD_STEP_FUNCTIONS,
  HOUSEHOLD_WORKFLOW_FILE,
  type HouseholdSubstitutions,
  loadDefinition,
} from '../../statemachines/definitions.ts';
import type { DataTable } from './data-tables.ts';
import type { ServiceFunction } from './service-function.ts';

export { HOUSEHOLD_STEP_FUNCTIONS };

export type HouseholdStepName = (typeof HOUSEHOLD_STEP_FUNCTIONS)[keyof typeof HOUSEHOLD_STEP_FUNCTIONS];

export interface HouseholdWorkflowProps {
  steps: Record<HouseholdStepName, ServiceFunction>;
  cases: DataTable;
  alertTopic: sns.ITopic;
  key: kms.IKey;
  /** @default ONE_YEAR */
  logRetention?: logs.RetentionDays;
}

/**
 * The household workflow from `statemachines/household.asl.json`, inlined with every `${Substitution}` resolved
 * (the shared loader throws on a missing one). The ASL is a file, so CDK infers no permissions: the role is given
 * exactly the integrations the file uses, one statement each.
 */
export class HouseholdWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HouseholdWorkflowProps) {
    super(scope, id);
    const substitutions: HouseholdSubstitutions = {
      ...(Object.fromEntries(
        Object.entries(HOUSEHOLD_STEP_FUNCTIONS).map(([key, name]) => [key, props.steps[name].functionArn]),
      ) as Record<keyof typeof HOUSEHOLD_STEP_FUNCTIONS, string>),
      CasesTableName: props.cases.table.tableName,
      AlertTopicArn: props.alertTopic.topicArn,
    };

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'household workflow: exactly the integrations of household.asl.json',
    });
    // Task states "Resource": "<function ARN>" and "arn:aws:states:::lambda:invoke.waitForTaskToken".
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: Object.values(HOUSEHOLD_STEP_FUNCTIONS).map((name) => props.steps[name].functionArn),
      }),
    );
    // "Send Pre-Notice SMS" / "Send Unreachable SMS": sns:publish with PhoneNumber.
    this.role.addToPolicy(
      new iam.PolicyStatement({ sid: 'DirectSmsToResidents', actions: ['sns:Publish'], resources: ['*'] }),
    );
    // "Publish Emergency Alert": sns:publish to the KMS-encrypted alert topic.
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [props.alertTopic.topicArn] }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    // "Mark Notified": dynamodb:updateItem on Cases.
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [props.cases.table.tableArn] }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.cases.key.keyArn],
      }),
    );

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      definitionBody: sfn.DefinitionBody.fromString(loadDefinition(HOUSEHOLD_WORKFLOW_FILE, substitutions)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      role: this.role,
      tracingEnabled: true,
      // Execution data holds names and phone numbers: events are logged, the payloads stay in the history.
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      comment: 'welfare-first-call: one household, from reservation to a case in the district queue',
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'sns:Publish to a phone number (direct SMS to residents) has no resource ARN, so SNS requires "*"; ' +
        'CloudWatch Logs delivery (logs:*LogDelivery, logs:DescribeResourcePolicies) and X-Ray (xray:PutTraceSegments) ' +
        'added by the logging and tracing options do not support resource-level permissions either.',
    });
  }
}
