/** SNS, locally: every SMS and alert lands here (and in `.wfc/outbox.jsonl` for `wfc run`), with simulated time. */
import { appendFileSync } from 'node:fs';

export interface OutboxMessage {
  at: string;
  kind: 'SMS' | 'ALERT';
  to: string;
  subject?: string;
  text: string;
  attributes?: Record<string, string>;
}

export class Outbox {
  readonly messages: OutboxMessage[] = [];
  private counter = 0;

  constructor(private readonly file?: string) {}

  /** Handles an SNS Publish input; returns its MessageId. */
  publish(input: Record<string, unknown>, now: Date): { MessageId: string } {
    const attributes = Object.fromEntries(
      Object.entries((input.MessageAttributes ?? {}) as Record<string, { StringValue?: string }>).map(
        ([k, v]) => [k, String(v.StringValue ?? '')],
      ),
    );
    const message: OutboxMessage = {
      at: now.toISOString(),
      kind: input.PhoneNumber ? 'SMS' : 'ALERT',
      to: String(input.PhoneNumber ?? input.TopicArn ?? ''),
      ...(input.Subject ? { subject: String(input.Subject) } : {}),
      text: String(input.Message ?? ''),
      attributes,
    };
    if (!message.to) throw new Error('SNS Publish needs a PhoneNumber or a TopicArn');
    this.messages.push(message);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    this.counter++;
    return { MessageId: `local-${this.counter}` };
  }

  count(kind: OutboxMessage['kind']): number {
    return this.messages.filter((m) => m.kind === kind).length;
  }
}
