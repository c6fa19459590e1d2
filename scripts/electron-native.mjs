// Builds the database addon for Electron's ABI in a folder of its own, so node_modules keeps the
// Node build that the tests and the browser shell use. Needs Electron's headers (internet).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageVersion, root } from './lib/setup.mjs';

export async function buildNativeForElectron() {
  const electronVersion = packageVersion('electron');
  const addonVersion = packageVersion('better-sqlite3');
  const stage = resolve(root, '.cache', 'electron-native');
  const stamp = resolve(stage, 'stamp.json');
  const binding = resolve(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const wanted = JSON.stringify({ electronVersion, addonVersion });
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return binding;

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(resolve(stage, 'node_modules'), { recursive: true });
  cpSync(resolve(root, 'node_modules', 'better-sqlite3'), resolve(stage, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${'better-sqlite3'}/build`),
  });
  writeFileSync(
    resolve(stage, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': addonVersion } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: stage, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  writeFileSync(stamp, wanted);
  return binding;
}
