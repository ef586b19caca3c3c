import { showSurvey } from './widget/show-survey.js';

// Entry of the IIFE extra `cairn-survey.min.js`. The core created this <script> with its own CSP nonce, so the
// nonce read here is the page's; `currentScript` is only set while this script runs.
const nonce = document.currentScript instanceof HTMLScriptElement ? document.currentScript.nonce : undefined;

window.__cairnExtras = {
  ...window.__cairnExtras,
  survey: { showSurvey: (options) => showSurvey(options, nonce || undefined) },
};
