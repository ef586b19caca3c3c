export * from './channels.js';
export * from './segment.js';
