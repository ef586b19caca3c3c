export * from './channels.js';
export * from './segment.js';
export * from './survey.js';
