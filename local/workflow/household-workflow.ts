/**
 * Runs statemachines/household.asl.json — the deployed file, loaded through the same substitution module as CDK —
 * on aws-local-stepfunctions. Task states call the real Lambda handlers; service integrations (SNS publish,
 * DynamoDB updateItem) send the same request through the same SDK clients; `.waitForTaskToken` waits for the
 * simulated call to report back. Wait states become virtual-clock sleeps: the in-memory definition replaces each
 * Wait with a Task of the same name (the file is never changed).
 */
import { DynamoDBClient, UpdateItemCommand, type UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { PublishCommand, type PublishCommandInput } from '@aws-sdk/client-sns';
import './node-polyfills.ts';
import { StateMachine } from 'aws-local-stepfunctions';
import {
  HOUSEHOLD_STEP_FUNCTIONS,
  HOUSEHOLD_SUBSTITUTIONS,
  HOUSEHOLD_WORKFLOW_FILE,
  loadDefinition,
} from '../../statemachines/definitions.ts';
import type { TaskTokens } from '../aws-sim/task-tokens.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { type MessagePortRequestHandler, useRequestHandler } from '../dynamodb/local-dynamodb.ts';

type Json = Record<string, unknown>;
type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: Json;
  TimestampPath?: string;
  Seconds?: number;
  Next?: string;
  End?: boolean;
  Retry?: {
    ErrorEquals: string[];
    IntervalSeconds?: number;
    BackoffRate?: number;
    MaxDelaySeconds?: number;
    JitterStrategy?: string;
  }[];
  [key: string]: unknown;
}

const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::local:wait';

/** Local values for every substitution of the household workflow. */
export function localSubstitutions(casesTableName: string, alertTopicArn: string): Record<string, string> {
  const values: Record<string, string> = { CasesTableName: casesTableName, AlertTopicArn: alertTopicArn };
  for (const [key, folder] of Object.entries(HOUSEHOLD_STEP_FUNCTIONS)) {
    values[key] = `arn:aws:lambda:ap-northeast-2:000000000000:function:wfc-${folder}`;
  }
  for (const key of Object.keys(HOUSEHOLD_SUBSTITUTIONS)) {
    if (!values[key]) throw new Error(`no local value for substitution ${key}`);
  }
  return values;
}

/** The household definition for local runs: the file with substitutions, Waits turned into clock sleeps. */
export function localHouseholdDefinition(substitutions: Record<string, string>): {
  StartAt: string;
  States: Record<string, AslState>;
} {
  const definition = JSON.parse(loadDefinition(HOUSEHOLD_WORKFLOW_FILE, substitutions));
  for (const [name, state] of Object.entries(definition.States as Record<string, AslState>)) {
    if (state.Type !== 'Wait') continue;
    if (!state.TimestampPath) throw new Error(`Wait state "${name}" must use TimestampPath to run locally`);
    definition.States[name] = {
      Type: 'Task',
      Resource: LOCAL_WAIT_RESOURCE,
      Comment: `local stand-in for Wait (${state.TimestampPath})`,
      Parameters: { 'until.$': state.TimestampPath },
      ResultPath: null,
      TimeoutSeconds: 86_400,
      ...(state.Next ? { Next: state.Next } : { End: true }),
    };
  }
  return definition;
}

export interface HouseholdRunResult {
  status: 'SUCCEEDED' | 'FAILED';
  error?: string;
  states: string[];
  transitions: number;
}

export interface HouseholdWorkflowOptions {
  clock: VirtualClock;
  tokens: TaskTokens;
  casesTableName: string;
  alertTopicArn: string;
  sns: { send(command: PublishCommand): Promise<unknown> };
  /** Request handler for the direct DynamoDB integration's client (the local message-port transport). */
  dynamoDbRequestHandler?: MessagePortRequestHandler;
  random: () => number;
}

const lambdaContext = (name: string) => ({
  functionName: `wfc-${name}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:ap-northeast-2:000000000000:function:wfc-${name}`,
  memoryLimitInMB: '512',
  awsRequestId: 'local',
  logGroupName: `/aws/lambda/wfc-${name}`,
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
});

/** Names a service error the way Step Functions does for optimized integrations (e.g. DynamoDB.ConditionalCheckFailedException). */
function serviceError(prefix: string, error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const named = new Error(original.message);
  named.name = original.name.startsWith(`${prefix}.`) ? original.name : `${prefix}.${original.name}`;
  return named;
}

export class HouseholdWorkflow {
  private readonly machine: StateMachine;
  private readonly handlers = new Map<string, Promise<LambdaHandler>>();
  private readonly retryCounts = new Map<string, number>();
  private readonly definition: { States: Record<string, AslState> };
  private readonly dynamoDb: DynamoDBClient;

  constructor(private readonly options: HouseholdWorkflowOptions) {
    const substitutions = localSubstitutions(options.casesTableName, options.alertTopicArn);
    this.definition = localHouseholdDefinition(substitutions);
    this.machine = new StateMachine(this.definition as never, { validationOptions: { checkArn: false } });
    this.dynamoDb = new DynamoDBClient({});
    if (options.dynamoDbRequestHandler) useRequestHandler(this.dynamoDb, options.dynamoDbRequestHandler);
  }

  private lambda(folder: string): Promise<LambdaHandler> {
    let loaded = this.handlers.get(folder);
    if (!loaded) {
      loaded = import(`../../functions/${folder}/handler.ts`).then(
        (m: { handler: LambdaHandler }) => m.handler,
      );
      this.handlers.set(folder, loaded);
    }
    return loaded;
  }

  private folderOf(resource: string): string | undefined {
    const match = /function:wfc-([a-z-]+)$/.exec(resource);
    return match?.[1];
  }

  /** One local handler per Task state, keyed by state name, shared by all executions. */
  private taskHandlers(): Record<string, (input: unknown) => Promise<unknown>> {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name, state] of Object.entries(this.definition.States)) {
      if (state.Type !== 'Task' || !state.Resource) continue;
      handlers[name] = this.withVirtualRetryDelay(name, state, this.taskFor(name, state.Resource));
    }
    return handlers;
  }

  private taskFor(name: string, resource: string): (input: unknown) => Promise<unknown> {
    const { clock, tokens } = this.options;
    if (resource === LOCAL_WAIT_RESOURCE) {
      return async (input) => {
        await clock.sleepUntil(new Date(String((input as Json).until)));
        return {};
      };
    }
    if (resource === 'arn:aws:states:::sns:publish') {
      return async (input) => {
        try {
          return await this.options.sns.send(new PublishCommand(input as PublishCommandInput));
        } catch (error) {
          throw serviceError('SNS', error);
        }
      };
    }
    if (resource === 'arn:aws:states:::dynamodb:updateItem') {
      return async (input) => {
        try {
          const { $metadata: _, ...output } = await this.dynamoDb.send(
            new UpdateItemCommand(input as UpdateItemCommandInput),
          );
          return output;
        } catch (error) {
          throw serviceError('DynamoDB', error);
        }
      };
    }
    if (resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken') {
      return async (input) => {
        const { FunctionName, Payload } = input as { FunctionName: string; Payload: Json };
        const folder = this.folderOf(FunctionName);
        if (!folder) throw new Error(`${name}: unknown function ${FunctionName}`);
        const token = String(Payload.taskToken);
        let resumeWaiter: (() => void) | undefined;
        const answer = tokens.wait(token, () => resumeWaiter?.());
        await (await this.lambda(folder))(Payload, lambdaContext(folder));
        return clock.block((resume) => {
          resumeWaiter = resume;
          return answer;
        });
      };
    }
    const folder = this.folderOf(resource);
    if (!folder) throw new Error(`${name}: resource ${resource} is not supported locally`);
    return async (input) => (await (await this.lambda(folder))(input, lambdaContext(folder))) ?? {};
  }

  /**
   * The interpreter retries at once (interval override 0); this sleeps the retrier's interval in simulated time
   * first, so retries on full call slots spread over simulated minutes as they would in the cloud.
   */
  private withVirtualRetryDelay(name: string, state: AslState, task: (input: unknown) => Promise<unknown>) {
    return async (input: unknown) => {
      const key = `${(input as Json)?.caseId ?? (input as { Payload?: Json })?.Payload?.caseId ?? ''}|${name}`;
      try {
        const output = await task(input);
        this.retryCounts.delete(key);
        return output;
      } catch (error) {
        const errorName = error instanceof Error ? error.name : 'Error';
        if (process.env.WFC_DEBUG)
          process.stderr.write(`[${name}] ${errorName}: ${(error as Error).message}\n`);
        const retrier = state.Retry?.find((r) =>
          r.ErrorEquals.some((e) => e === errorName || e === 'States.ALL' || e === 'States.TaskFailed'),
        );
        if (retrier) {
          const n = this.retryCounts.get(key) ?? 0;
          this.retryCounts.set(key, n + 1);
          let delay = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** n;
          if (retrier.MaxDelaySeconds !== undefined) delay = Math.min(delay, retrier.MaxDelaySeconds);
          if (retrier.JitterStrategy === 'FULL') delay *= this.options.random();
          await this.options.clock.sleep(delay * 1000);
        }
        throw error;
      }
    };
  }

  private overridesCache: ReturnType<HouseholdWorkflow['buildOverrides']> | undefined;

  private buildOverrides() {
    const retryIntervalOverrides: Record<string, number> = {};
    for (const [name, state] of Object.entries(this.definition.States))
      if (state.Retry) retryIntervalOverrides[name] = 0;
    return { taskResourceLocalHandlers: this.taskHandlers(), retryIntervalOverrides } as never;
  }

  /** Runs one household execution to its end on the virtual clock. */
  async run(
    input: Json & { caseId: string },
    options: { recordStates?: boolean } = {},
  ): Promise<HouseholdRunResult> {
    this.overridesCache ??= this.buildOverrides();
    const { clock, tokens } = this.options;
    return clock.run(async () => {
      const startTime = clock.now().toISOString();
      const execution = this.machine.run(input as never, {
        overrides: this.overridesCache,
        context: {
          Execution: {
            Id: `arn:aws:states:ap-northeast-2:000000000000:execution:household:${input.caseId}`,
            Name: input.caseId,
            StartTime: startTime,
          },
          get Task() {
            return { Token: tokens.newToken() };
          },
        } as never,
      });
      const states: string[] = [];
      let transitions = 0;
      const logging = (async () => {
        for await (const event of execution.eventLogs) {
          if (event.type === 'StateEntered') {
            transitions++;
            if (options.recordStates) states.push(event.state.name);
            if (process.env.WFC_TRACE)
              process.stderr.write(`${performance.now().toFixed(0)} ${event.state.name}\n`);
          } else if (event.type === 'StateFailed' || event.type === 'StateCaught') {
            if (process.env.WFC_DEBUG) {
              process.stderr.write(
                `[${event.state.name}] ${event.type} ${JSON.stringify(event).slice(0, 400)}\n`,
              );
            }
          }
        }
      })();
      try {
        await execution.result;
        await logging;
        return { status: 'SUCCEEDED', states, transitions };
      } catch (error) {
        await logging.catch(() => undefined);
        const e = error as { name?: string; message?: string };
        return { status: 'FAILED', error: `${e.name}: ${e.message}`, states, transitions };
      }
    });
  }
}
