import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableDesign } from '../../functions/shared/table-design.ts';
import type { DataTable } from './data-tables.ts';
import { PROJECT_ROOT } from './paths.ts';

/** How a function uses a table; each maps to an explicit action list (no `dynamodb:*`). */
export type TableAccess = 'read' | 'write' | 'readWrite';

const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** A Lambda entry (`functions/<name>/handler.ts`) is missing: synth stops and names every missing entry. */
export class MissingHandlerError extends Error {
  constructor(names: string[]) {
    super(
      `Lambda entry missing: ${names.map((n) => `functions/${n}/handler.ts`).join(', ')}. ` +
        'Each function must exist and export `handler` before the stack can be synthesized.',
    );
    this.name = 'MissingHandlerError';
  }
}

/** Where a function's code lives; tests may map a name to another file. */
export type EntryResolver = (name: string) => string;

/** The real entry of a function: `functions/<name>/handler.ts` under the project root. */
export const defaultEntryResolver: EntryResolver = (name) =>
  join(PROJECT_ROOT, 'functions', name, 'handler.ts');

/** Throws `MissingHandlerError` for every name whose entry file does not exist. */
export function assertEntriesExist(
  names: readonly string[],
  resolve: EntryResolver = defaultEntryResolver,
): void {
  const missing = names.filter((name) => !existsSync(resolve(name)));
  if (missing.length > 0) throw new MissingHandlerError(missing);
}

export interface ServiceFunctionProps {
  /** Folder name under `functions/` (verb-noun), e.g. `start-call`. */
  name: string;
  /** One-line purpose, shown in the console. */
  description: string;
  /** Key for the log group, environment variables and the DLQ. */
  key: kms.IKey;
  /** @default 30 seconds */
  timeout?: Duration;
  /** @default 512 */
  memorySize?: number;
  /** Log retention. @default ONE_YEAR */
  logRetention?: logs.RetentionDays;
  /** Invoked asynchronously (EventBridge, S3, schedules): failed events go to a KMS-encrypted DLQ. @default false */
  asyncInvoked?: boolean;
  environment?: Record<string, string>;
  /** @default defaultEntryResolver */
  resolveEntry?: EntryResolver;
  /** /tmp size in MiB. @default 512 */
  ephemeralStorageMiB?: number;
}

/**
 * Every Lambda of the project: Node.js 24 (the latest Lambda runtime, as cdk-nag L1 requires) on ARM64, ESM bundle built by the local esbuild (no Docker) with
 * minify and source maps, X-Ray tracing, its own KMS-encrypted log group with retention, an explicit role that
 * starts with nothing but writing to that log group, and grant helpers that set the env var and the IAM
 * statement together.
 */
export class ServiceFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly deadLetterQueue?: sqs.Queue;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const entry = (props.resolveEntry ?? defaultEntryResolver)(props.name);
    if (!existsSync(entry)) throw new MissingHandlerError([props.name]);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.name}: writes its own log group; every other permission is granted explicitly`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    if (props.asyncInvoked) {
      this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: props.key,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.deadLetterQueue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue IS the dead-letter queue of the function (Lambda async DeadLetterConfig); a DLQ has no DLQ.',
      });
    }

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environmentEncryption: props.key,
      deadLetterQueue: this.deadLetterQueue,
      ephemeralStorageSize: props.ephemeralStorageMiB ? Size.mebibytes(props.ephemeralStorageMiB) : undefined,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'welfare-first-call',
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // Some dependencies are CommonJS and call require(): give the ESM bundle one.
        banner:
          "import { createRequire as __wfcCreateRequire } from 'node:module';const require = __wfcCreateRequire(import.meta.url);",
        // The Node.js runtime ships AWS SDK v3, but bundling our pinned version keeps local and cloud equal.
        externalModules: [],
        forceDockerBundling: false,
      },
    });
    // With @aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy the X-Ray statement lands in a policy under
    // the function rather than the role: acknowledge on this construct, which holds both.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by Tracing.ACTIVE only: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    });
  }

  /** The function's ARN. */
  get functionArn(): string {
    return this.function.functionArn;
  }

  /** Sets an environment variable. */
  addEnvironment(name: string, value: string): this {
    this.function.addEnvironment(name, value);
    return this;
  }

  /**
   * Sets the table's env var (`design.envVar`) and grants exactly the actions of `access` on the table and its
   * named indexes (no `index/*`), plus the KMS actions the table's key needs.
   */
  bindTable(table: DataTable, access: TableAccess): this {
    const design: TableDesign = table.design;
    this.function.addEnvironment(design.envVar, table.table.tableName);
    const indexArns = design.indexes.map((index) => `${table.table.tableArn}/index/${index.name}`);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: TABLE_ACTIONS[access],
        resources: [table.table.tableArn, ...(access === 'write' ? [] : indexArns)],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions:
          access === 'read'
            ? ['kms:Decrypt', 'kms:DescribeKey']
            : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [table.key.keyArn],
      }),
    );
    return this;
  }

  /** Adds one statement to the role. Actions must be explicit (no wildcards); tests check it. */
  allow(actions: string[], resources: string[]): this {
    this.role.addToPolicy(new iam.PolicyStatement({ actions, resources }));
    return this;
  }

  /** Region and account of the stack, for ARNs built by hand. */
  get stackEnv(): { region: string; account: string; partition: string } {
    const stack = Stack.of(this);
    return { region: stack.region, account: stack.account, partition: stack.partition };
  }
}
