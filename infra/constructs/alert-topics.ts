import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlertTopicsProps {
  key: kms.IKey;
  /** Where operational alarms are e-mailed; empty for none (subscribe later). */
  alarmEmail: string;
}

/**
 * Two KMS-encrypted, TLS-only topics: `emergency` for caseworkers (every message carries a `districtCode`
 * attribute, so each district office subscribes with a filter policy on its own code) and `operations` for
 * CloudWatch alarms.
 */
export class AlertTopics extends Construct {
  readonly emergency: sns.Topic;
  readonly operations: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    this.emergency = new sns.Topic(this, 'Emergency', {
      displayName: '위기가구 긴급 알림',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.operations = new sns.Topic(this, 'Operations', {
      displayName: 'welfare-first-call operations',
      masterKey: props.key,
      enforceSSL: true,
    });
    if (props.alarmEmail)
      this.operations.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
  }
}
