import type { Extras } from './browser/extras.js';
import type { CairnApi, StubCall } from './public-api.js';

declare global {
  interface Window {
    /** The snippet's stub (an array of recorded calls with recorder methods) until the SDK replaces it. */
    cairn?: CairnApi | StubCall[];
    /** Where an extra's script registers itself once loaded. */
    __cairnExtras?: Partial<Extras>;
  }
}
