// Types of the aws-sdk-client-mock-vitest matchers that the test files here register with expect.extend.
import 'vitest';
import type { BaseMatcher } from 'aws-sdk-client-mock-vitest';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration to merge with it
  interface Matchers<T = any> extends BaseMatcher<T> {}
}
