// Types for the parts of setup.mjs that tests import (the script itself stays plain JavaScript:
// it runs before any dependency, TypeScript included, is installed).
export declare const root: string;
export declare function dependenciesInstalled(dir?: string): boolean;
export declare function recordInstalledLock(dir?: string): void;
export declare function electronDownloadAnswers(version: string, timeoutMs?: number): Promise<boolean>;
export declare function electronInstalled(): boolean;
