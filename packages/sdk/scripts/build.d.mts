/** Bundles the SDK into `outDir` (default: packages/sdk/dist). */
export function buildSdk(outDir?: string): Promise<void>;
