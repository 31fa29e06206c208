/**
 * Synthesizes the stack once for a test file, like `cdk synth` does (cdk-nag enabled), with an optional
 * stand-in for Lambda entries that do not exist yet (listed in `stubbed`, and reported by entries.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CONTEXT_DEFAULTS, type DeployConfig } from '../../../infra/config.ts';
import { PROJECT_ROOT } from '../../../infra/constructs/paths.ts';
import { defaultEntryResolver } from '../../../infra/constructs/service-function.ts';
import { enableNag } from '../../../infra/nag.ts';
import { WelfareFirstCallStack } from '../../../infra/stacks/welfare-first-call-stack.ts';

export const STUB_ENTRY = join(import.meta.dirname, '..', 'fixtures', 'stub-handler.ts');

export interface Synthesized {
  app: App;
  stack: WelfareFirstCallStack;
  template: Template;
  stubbed: string[];
}

/**
 * Builds and synthesizes the app. `bundle: false` skips esbuild (context `aws:cdk:bundling-stacks: []`) for
 * speed; one test keeps real bundling.
 */
export function synthesize(options: { config?: Partial<DeployConfig>; bundle?: boolean } = {}): Synthesized {
  const stubbed: string[] = [];
  // The feature flags of cdk.json, so the tests synthesize what `cdk synth` does.
  const { wfc: _config, ...flags } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;
  const app = new App({
    context: { ...flags, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    // CDK's built-in CloudFormation schema check only warns and takes ~20 s; `cdk synth` still runs it.
    builtinCloudFormationValidation: false,
  });
  const stack = new WelfareFirstCallStack(app, 'WelfareFirstCall', {
    config: { ...CONTEXT_DEFAULTS, ...options.config },
    env: { region: 'ap-northeast-2', account: '111122223333' },
    resolveEntry: (name) => {
      const real = defaultEntryResolver(name);
      if (existsSync(real)) return real;
      if (!stubbed.includes(name)) stubbed.push(name);
      return STUB_ENTRY;
    },
  });
  enableNag(app);
  const template = Template.fromStack(stack);
  return { app, stack, template, stubbed };
}
