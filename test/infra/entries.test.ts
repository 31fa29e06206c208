import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  assertEntriesExist,
  defaultEntryResolver,
  MissingHandlerError,
} from '../../infra/constructs/service-function.ts';
import { FUNCTION_NAMES } from '../../infra/stacks/welfare-first-call-stack.ts';

/** Exports of one entry file, as esbuild sees them (no bundling, no module-scope code run). */
async function exportsOf(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

describe('Lambda entries', () => {
  it.each(FUNCTION_NAMES.map((name) => [name]))(
    'functions/%s/handler.ts exists and exports handler',
    async (name) => {
      // Prepare
      const entry = defaultEntryResolver(name);

      // Act / Assess
      expect(existsSync(entry), `${entry} is missing`).toBe(true);
      expect(await exportsOf(entry)).toContain('handler');
    },
  );

  it('names every missing entry at once, so synth fails with a clear message', () => {
    // Act / Assess
    expect(() => assertEntriesExist(['no-such-thing', 'nor-this'])).toThrow(MissingHandlerError);
    expect(() => assertEntriesExist(['no-such-thing', 'nor-this'])).toThrow(
      'functions/no-such-thing/handler.ts, functions/nor-this/handler.ts',
    );
  });
});
