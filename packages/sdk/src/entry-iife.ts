import './globals.js';
import { scriptExtraLoader } from './browser/extras.js';
import { createCairn } from './cairn.js';
import { replayStubCalls } from './snippet/stub-replay.js';

// Entry of dist/cairn.min.js. `currentScript` is only set while this script runs, so capture it now: extras
// (cairn-web-vitals.min.js) are loaded from the same directory.
const coreScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

if (window.cairn === undefined || Array.isArray(window.cairn)) {
  const recorded = window.cairn ?? [];
  const cairn = createCairn(scriptExtraLoader(coreScript));
  window.cairn = cairn;
  replayStubCalls(cairn, recorded);
}
