import { expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { sdkVersion } from './version.js';

it('reports the package version as context.library.version', () => {
  expect(sdkVersion).toBe(packageJson.version);
});
