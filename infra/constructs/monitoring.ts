import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function.ts';

export interface MonitoringProps {
  householdWorkflow: sfn.StateMachine;
  ingestWorkflow: sfn.StateMachine;
  functions: ServiceFunction[];
  deadLetterQueues: sqs.IQueue[];
  emergencyTopic: sns.ITopic;
  operationsTopic: sns.ITopic;
}

/**
 * Alarms to the operations topic — failed/timed-out executions, any message in a DLQ, Lambda errors and
 * throttles, any EMERGENCY alert published — and one dashboard with the same signals.
 */
export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.operationsTopic);
    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold = 0) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      this.alarms.push(created);
      return created;
    };
    const period = Duration.minutes(5);

    for (const [name, machine] of [
      ['Household', props.householdWorkflow],
      ['Ingest', props.ingestWorkflow],
    ] as const) {
      alarm(
        `${name}Failed`,
        `${name} workflow: an execution failed (redrive it)`,
        machine.metricFailed({ period }),
      );
      alarm(
        `${name}TimedOut`,
        `${name} workflow: an execution timed out`,
        machine.metricTimedOut({ period }),
      );
      alarm(
        `${name}Aborted`,
        `${name} workflow: an execution was aborted`,
        machine.metricAborted({ period }),
      );
    }
    props.deadLetterQueues.forEach((queue, index) => {
      alarm(
        `DeadLetters${index}`,
        `Messages in dead-letter queue ${queue.node.path}: events were dropped`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      );
    });
    for (const fn of props.functions) {
      alarm(`${fn.node.id}Errors`, `${fn.node.id}: Lambda errors`, fn.function.metricErrors({ period }));
      alarm(
        `${fn.node.id}Throttles`,
        `${fn.node.id}: Lambda throttles`,
        fn.function.metricThrottles({ period }),
      );
    }
    alarm(
      'EmergencyAlert',
      'An EMERGENCY consultation was published to the district alert topic: make sure the district office has it',
      props.emergencyTopic.metricNumberOfMessagesPublished({ period, statistic: 'Sum' }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Household executions',
        left: [
          props.householdWorkflow.metricStarted(),
          props.householdWorkflow.metricSucceeded(),
          props.householdWorkflow.metricFailed(),
          props.householdWorkflow.metricTimedOut(),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Ingest executions',
        left: [props.ingestWorkflow.metricStarted(), props.ingestWorkflow.metricFailed()],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Lambda errors',
        left: props.functions.map((fn) => fn.function.metricErrors({ label: fn.node.id })),
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Lambda duration p95',
        left: props.functions.map((fn) =>
          fn.function.metricDuration({ statistic: 'p95', label: fn.node.id }),
        ),
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
    );
  }
}
