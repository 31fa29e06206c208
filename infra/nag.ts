/**
 * cdk-nag 3 (AwsSolutions) wiring and helpers. Findings are acknowledged one by one with
 * `Validations.of(construct).acknowledge({ id: 'Rule[Finding]', reason })`; an unacknowledged finding fails synth.
 */
import { type App, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Adds the AwsSolutions pack to the app's synth-time validations. */
export function enableNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * A value as cdk-nag prints it in a finding id: literals as is, `Ref` as `<Name>`, `Fn::GetAtt` as
 * `<Logical.Attr>`, joins concatenated. Used to name findings on ARNs built from tokens.
 */
export function nagText(stack: Stack, value: string): string {
  return render(stack.resolve(value));
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('Ref' in obj) return `<${obj.Ref as string}>`;
    if ('Fn::GetAtt' in obj) return `<${(obj['Fn::GetAtt'] as string[]).join('.')}>`;
    if ('Fn::Join' in obj) {
      const [separator, parts] = obj['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(separator);
    }
  }
  return JSON.stringify(value);
}
