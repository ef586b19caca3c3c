import type { ExtraLoader } from './browser/extras.js';
import { createCairn } from './cairn.js';

export type { CairnApi, ConsentMode, InitOptions } from './public-api.js';
export type { Properties, SegmentMessage, Traits } from './wire.js';

/** For bundlers: extras become separate chunks that load on first use. */
const importExtra: ExtraLoader = async (name) => {
  switch (name) {
    case 'web-vitals':
      return import('./web-vitals/meter.js');
    default:
      throw new Error(`unknown extra ${String(name)}`);
  }
};

/** The ESM build's instance (use either this or the <script> snippet on a page, not both). */
export const cairn = createCairn(importExtra);
export { createCairn };
