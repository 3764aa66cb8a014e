// Types for the plain-ESM helpers (they run before dependencies are installed, so no TypeScript).
export const ROOT: string;
export function localBin(name: string): string;
export function ensureDeps(): Promise<void>;
export function ensureBuild(): Promise<{ built: boolean }>;
