import type { Stack } from 'aws-cdk-lib';

/** Geography prefixes of Bedrock cross-region inference profiles. */
const PROFILE_PREFIXES = ['apac', 'us', 'eu', 'global', 'jp', 'au', 'ca'];

/**
 * The resources `bedrock:InvokeModel` (which also covers Converse) must name for one configured model id: the
 * foundation model in this region, or for an inference profile id (`apac.anthropic…`) the profile plus the
 * foundation model in the regions the profile routes to (unknown at synth, hence the region wildcard).
 */
export function bedrockModelResources(
  stack: Stack,
  modelId: string,
): { resources: string[]; profile: boolean } {
  const [prefix, ...rest] = modelId.split('.');
  if (prefix && PROFILE_PREFIXES.includes(prefix) && rest.length >= 2) {
    const baseModel = rest.join('.');
    return {
      profile: true,
      resources: [
        `arn:${stack.partition}:bedrock:${stack.region}:${stack.account}:inference-profile/${modelId}`,
        `arn:${stack.partition}:bedrock:*::foundation-model/${baseModel}`,
      ],
    };
  }
  return {
    profile: false,
    resources: [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`],
  };
}
