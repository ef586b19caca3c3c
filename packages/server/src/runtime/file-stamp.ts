/** A UTC timestamp that sorts and fits in file names on every OS (no colons): 20260122T093015Z. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[-:]|\.\d{3}/g, '');
