import { startWebVitals } from './meter.js';

// Entry of the IIFE extra `cairn-web-vitals.min.js`: announce itself to the core, which loaded this script.
window.__cairnExtras = { ...window.__cairnExtras, 'web-vitals': { startWebVitals } };
