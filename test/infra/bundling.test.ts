import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { ServiceFunction } from '../../infra/constructs/service-function.ts';

describe('Construct: ServiceFunction', () => {
  it('bundles a real handler with the local esbuild into a minified ESM file with a source map', () => {
    // Prepare
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Bundle', { env: { region: 'ap-northeast-2', account: '111122223333' } });
    const fn = new ServiceFunction(stack, 'validate-list', {
      name: 'validate-list',
      description: 'bundling check',
      key: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    });

    // Act
    const assembly = app.synth();

    // Assess
    const assetPath = (fn.function.node.findChild('Code') as unknown as { assetPath?: string }).assetPath;
    const dir = join(assembly.directory, assetPath ?? '');
    expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(bundle).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{[^}]*\bhandler\b/);
    expect(bundle).toContain('createRequire');
    // Minified: long lines, no indentation.
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(2000);
  });
});
