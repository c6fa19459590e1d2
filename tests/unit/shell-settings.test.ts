import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_LOCK_MS, IdleClock, idleLockMsFrom, shellSettings } from '../../electron/shell-settings';

const MINUTE = 60 * 1000;

describe('what the environment may change about a shell', () => {
  it('an installed app ignores ZORGOVERLEG_NATIVE_BINDING: no native file of anyone’s choosing is loaded', () => {
    const env = { ZORGOVERLEG_NATIVE_BINDING: '/tmp/evil.node' };
    expect(shellSettings({ packaged: true, env }).nativeBinding).toBeUndefined();
    // `npm start` (not packaged) builds the addon for Electron and points the app at it.
    expect(shellSettings({ packaged: false, env }).nativeBinding).toBe('/tmp/evil.node');
    expect(shellSettings({ packaged: false, env: { ZORGOVERLEG_NATIVE_BINDING: '' } }).nativeBinding).toBeUndefined();
  });

  it('the idle lock is 15 minutes; ZORGOVERLEG_IDLE_LOCK_MS can shorten it, packaged or not', () => {
    expect(DEFAULT_IDLE_LOCK_MS).toBe(15 * MINUTE);
    expect(shellSettings({ packaged: true, env: {} }).idleLockMs).toBe(15 * MINUTE);
    expect(shellSettings({ packaged: true, env: { ZORGOVERLEG_IDLE_LOCK_MS: String(2 * MINUTE) } }).idleLockMs).toBe(2 * MINUTE);
    expect(shellSettings({ packaged: false, env: { ZORGOVERLEG_IDLE_LOCK_MS: '1500' } }).idleLockMs).toBe(1500);
  });

  it.each([
    ['a day', String(24 * 60 * MINUTE)],
    ['just over the default', String(15 * MINUTE + 1)],
    ['Infinity', 'Infinity'],
    ['a huge number', '1e308'],
    ['zero', '0'],
    ['a negative number', '-5'],
    ['a fraction', '1500.5'],
    ['words', 'nooit'],
    ['empty', ''],
  ])('an override cannot lengthen the idle lock or switch it off: %s', (_what, given) => {
    expect(idleLockMsFrom({ ZORGOVERLEG_IDLE_LOCK_MS: given })).toBe(DEFAULT_IDLE_LOCK_MS);
    expect(shellSettings({ packaged: true, env: { ZORGOVERLEG_IDLE_LOCK_MS: given } }).idleLockMs).toBe(DEFAULT_IDLE_LOCK_MS);
    expect(shellSettings({ packaged: false, env: { ZORGOVERLEG_IDLE_LOCK_MS: given } }).idleLockMs).toBe(DEFAULT_IDLE_LOCK_MS);
  });
});

describe("the main process's idle clock", () => {
  it('is due after the idle time without input; each input starts it again', () => {
    let t = 1_000_000;
    const clock = new IdleClock(15 * MINUTE, () => t);
    expect(clock.isDue()).toBe(false);
    t += 14 * MINUTE;
    clock.touch();
    t += 14 * MINUTE;
    expect(clock.isDue()).toBe(false);
    expect(clock.remainingMs()).toBe(MINUTE);
    t += MINUTE;
    expect(clock.isDue()).toBe(true);
    clock.touch();
    expect(clock.isDue()).toBe(false);
  });
});

describe('the Electron main process uses these rules (it cannot run here: its source is checked)', () => {
  const main = readFileSync(resolve(import.meta.dirname, '..', '..', 'electron', 'main.ts'), 'utf8');

  it('reads no development variable itself: only through shellSettings, told whether it is packaged', () => {
    expect(main).not.toMatch(/process\.env\.ZORGOVERLEG_/);
    expect(main).toMatch(/shellSettings\(\{ packaged: app\.isPackaged, env: process\.env \}\)/);
    expect(main).toMatch(/nativeBinding: settings\.nativeBinding/);
  });

  it('locks on its own clock, fed by the input that reaches its windows', () => {
    expect(main).toMatch(/new IdleClock\(settings\.idleLockMs\)/);
    expect(main).toMatch(/contents\.on\('input-event', \(\) => idle\.touch\(\)\)/);
    expect(main).toMatch(/setInterval\(lockWhenIdle, /);
  });
});
