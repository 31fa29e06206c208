/** Step Functions task tokens, locally: `.waitForTaskToken` states wait here until SendTaskSuccess/Failure. */
import { randomUUID } from 'node:crypto';
import { TaskDoesNotExist } from '@aws-sdk/client-sfn';

interface Waiter {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  resume?: () => void;
}

/** The error a `.waitForTaskToken` state sees after SendTaskFailure. */
export class TaskFailedError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

export class TaskTokens {
  private readonly waiting = new Map<string, Waiter>();

  newToken(): string {
    return `local-token-${randomUUID()}`;
  }

  /** Waits for the token's answer. `resume` is called synchronously just before the answer is delivered. */
  wait(token: string, resume: () => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.set(token, { resolve, reject, resume });
    });
  }

  sendTaskSuccess(input: Record<string, unknown>): Record<string, never> {
    const waiter = this.take(String(input.taskToken));
    waiter.resume?.();
    waiter.resolve(JSON.parse(String(input.output)));
    return {};
  }

  sendTaskFailure(input: Record<string, unknown>): Record<string, never> {
    const waiter = this.take(String(input.taskToken));
    waiter.resume?.();
    waiter.reject(new TaskFailedError(String(input.error ?? 'TaskFailed'), String(input.cause ?? '')));
    return {};
  }

  get pending(): number {
    return this.waiting.size;
  }

  private take(token: string): Waiter {
    const waiter = this.waiting.get(token);
    if (!waiter) {
      throw new TaskDoesNotExist({
        message: `Task token ${token.slice(0, 24)}… is not waiting`,
        $metadata: {},
      });
    }
    this.waiting.delete(token);
    return waiter;
  }
}
