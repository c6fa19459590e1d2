// Types for browser-shell.mjs (plain JavaScript: `npm start` runs it before TypeScript is installed).
import type { ChildProcess } from 'node:child_process';

export declare function chromiumArguments(launchPage: string, profileDir: string): string[];

export declare function runBrowserShell(options: {
  hostCommand: string;
  hostArgs: string[];
  chromium: string | null;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  output?: { write(text: string): unknown };
}): { host: ChildProcess; exited: Promise<number>; stop(signal?: NodeJS.Signals): boolean };
