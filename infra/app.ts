/** CDK app: one stack, configured from the `wfc` context in cdk.json, checked by cdk-nag AwsSolutions. */
import { App } from 'aws-cdk-lib';
import { CONTEXT_KEY, readDeployConfig } from './config.ts';
import { enableNag } from './nag.ts';
import { WelfareFirstCallStack } from './stacks/welfare-first-call-stack.ts';

const app = new App();
const config = readDeployConfig(app.node.tryGetContext(CONTEXT_KEY));
new WelfareFirstCallStack(app, 'WelfareFirstCall', {
  config,
  // Region from context; the account stays the deploying credentials' (environment-agnostic synth offline).
  env: { region: config.region, account: process.env.CDK_DEFAULT_ACCOUNT },
  description: 'welfare-first-call: AI first call to households flagged as possibly in welfare crisis',
});
enableNag(app);
