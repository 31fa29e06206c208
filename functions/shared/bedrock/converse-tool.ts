/**
 * One Bedrock Converse call that must answer through a single tool (JSON schema), so the model's output is
 * structured: temperature 0, a hard timeout through an AbortSignal, and retries on throttling/transient errors.
 */
import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';

export interface ToolCallOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  /** Korean system prompt. */
  system: string;
  /** The user message (e.g. the transcript). */
  userText: string;
  toolName: string;
  toolDescription: string;
  /** JSON schema of the tool input. */
  schema: Record<string, unknown>;
  /** @default 8000 */
  timeoutMs?: number;
  /** Extra attempts after a throttling or transient error (not after a timeout). @default 2 */
  retries?: number;
  /** @default 2000 */
  maxTokens?: number;
}

/** The model did not answer through the tool, or the call failed or timed out. */
export class ModelCallError extends Error {
  constructor(
    message: string,
    readonly reason: 'TIMEOUT' | 'ERROR' | 'NO_TOOL_USE',
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

const RETRYABLE = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ModelTimeoutException',
]);

/** The exact Converse request used for a tool call (exported for tests and docs). */
export function toolRequest(options: ToolCallOptions): ConverseCommandInput {
  return {
    modelId: options.modelId,
    system: [{ text: options.system }],
    messages: [{ role: 'user', content: [{ text: options.userText }] }],
    inferenceConfig: { temperature: 0, maxTokens: options.maxTokens ?? 2000 },
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: options.toolName,
            description: options.toolDescription,
            inputSchema: { json: options.schema } as ToolInputSchema,
          },
        },
      ],
      toolChoice: { tool: { name: options.toolName } },
    },
  };
}

/** Calls the model and returns the tool input it produced (unvalidated). */
export async function callTool(options: ToolCallOptions): Promise<unknown> {
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 8000;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 1000)));
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Abort the HTTP request and also stop waiting: a stuck stream must not keep a resident on hold.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ModelCallError(`model call timed out after ${timeoutMs} ms`, 'TIMEOUT'));
      }, timeoutMs);
    });
    try {
      const response = await Promise.race([
        options.client.send(new ConverseCommand(toolRequest(options)), { abortSignal: controller.signal }),
        timedOut,
      ]);
      const toolUse = response.output?.message?.content?.find((block) => block.toolUse)?.toolUse;
      if (!toolUse || toolUse.name !== options.toolName) {
        throw new ModelCallError(`model answered without the ${options.toolName} tool`, 'NO_TOOL_USE');
      }
      return toolUse.input;
    } catch (error) {
      if (error instanceof ModelCallError) throw error;
      if (controller.signal.aborted)
        throw new ModelCallError(`model call timed out after ${timeoutMs} ms`, 'TIMEOUT');
      lastError = error;
      const name = error instanceof Error ? error.name : '';
      if (!RETRYABLE.has(name)) break;
    } finally {
      clearTimeout(timer);
    }
  }
  const message = lastError instanceof Error ? `${lastError.name}: ${lastError.message}` : String(lastError);
  throw new ModelCallError(`model call failed: ${message}`, 'ERROR');
}
