import type { ExtraLoader, Extras } from './browser/extras.js';
import { createCairn } from './cairn.js';

export type { CairnApi, ConsentMode, InitOptions } from './public-api.js';
export type { Properties, SegmentMessage, Traits } from './wire.js';

/** For bundlers: extras become separate chunks that load on first use. */
const extraModules: { [Name in keyof Extras]: () => Promise<Extras[Name]> } = {
  'web-vitals': () => import('./web-vitals/meter.js'),
  survey: () => import('./survey/widget/show-survey.js'),
};
const importExtra: ExtraLoader = (name) => extraModules[name]();

/** The ESM build's instance (use either this or the <script> snippet on a page, not both). */
export const cairn = createCairn(importExtra);
export { createCairn };
