/**
 * Answers an AWS SDK v3 client's commands locally, by name, through the client's own middleware stack: the
 * handler code builds and sends the very same commands it sends in the cloud, and the local runtime decides what
 * comes back. Used for the services that have no local engine (Connect, SNS, Step Functions task tokens).
 */

export type CommandHandlers = Record<string, (input: Record<string, unknown>) => Promise<unknown> | unknown>;

/** A named AWS error, as the SDK would raise it. */
export class SimulatedServiceError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

type Middleware = (
  next: unknown,
  context: Record<string, unknown>,
) => (args: { input: unknown }) => Promise<{ output: unknown; response: unknown }>;

/** The part of an SDK v3 client this module needs (every client has it). */
interface AnyClient {
  middlewareStack: {
    add(middleware: Middleware, options: { step: 'initialize'; name: string; priority: 'high' }): void;
    remove(name: string): boolean;
  };
}

/** Routes every command of `client` to `handlers[commandName]`; a command without a handler fails loudly. */
export function interceptClient(client: object, service: string, handlers: CommandHandlers): void {
  const name = `wfc-local-${service}`;
  (client as AnyClient).middlewareStack.remove(name);
  (client as AnyClient).middlewareStack.add(
    (_next, context) => async (args) => {
      const commandName = String(context.commandName ?? 'unknown');
      const handle = handlers[commandName];
      if (!handle) {
        throw new SimulatedServiceError(
          'UnsupportedLocally',
          `${service}.${commandName} is not simulated locally`,
        );
      }
      const output = await handle(args.input as Record<string, unknown>);
      return { output: { $metadata: {}, ...(output as object) }, response: {} };
    },
    { step: 'initialize', name, priority: 'high' },
  );
}
