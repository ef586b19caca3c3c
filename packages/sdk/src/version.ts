/** Sent as `context.library.version`; a unit test keeps it equal to package.json. */
export const sdkVersion = '0.1.0';
export const libraryName = 'cairn.js';
