// `npm run bench`, section "presenteren": from the chair's key to the projector's new screen, and
// from the secretary's saved action to the projector, through the real browser host (HTTP, JSON,
// the long-poll and the projector's view of the demo school's running meeting), as the browser
// shell runs it. Not a test: the target is printed with a ratio; a miss never fails the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../electron/api/context';
import { startBrowserHost } from '../../electron/browser-host';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { migrationsFolder } from '../helpers/backend';
import { openHostSession } from '../helpers/browser-host';
import { fmt, percentile } from './measure';

/** The target for the key-to-projector delay, median (ms). */
const TARGET_MS = 200;
const ROUNDS = 100;

type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } };

export async function benchPresentation(dir: string): Promise<string[]> {
  const renderer = join(dir, 'renderer-for-presentation');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  const backend = new Backend({ dataDir: join(dir, 'presentation'), migrationsFolder });
  const host = await startBrowserHost({ backend, rendererDir: renderer });
  const cookie = await openHostSession(host);
  const post = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(input),
    });
    const envelope = (await response.json()) as Envelope;
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  try {
    const { environmentId } = await post<{ environmentId: string }>('demo.open', {});
    const status = await post<{ environments: { id: string; users: { id: string; staffCode: string }[] }[] }>('vault.status', {});
    const awo = status.environments.find((e) => e.id === environmentId)!.users.find((u) => u.staffCode === 'awo')!;
    await post('vault.unlock', { environmentId, userId: awo.id, passphrase: DEMO_PASSPHRASE });
    const meetings = [
      ...(await post<{ id: string; state: string; cases: number }[]>('agenda.meetings', { scope: 'komend' })),
      ...(await post<{ id: string; state: string; cases: number }[]>('agenda.meetings', { scope: 'afgelopen' })),
    ];
    const meeting = meetings.find((m) => m.state === 'bezig') ?? meetings.find((m) => m.cases > 0)!;
    const minutes = await post<{ items: { id: string; kind: string; change: string | null }[] }>('minutes.get', {
      meetingId: meeting.id,
    });
    const caseItem = minutes.items.find((i) => i.kind === 'casus' && i.change !== 'vervallen')!;
    await post('presentation.start', { meetingId: meeting.id });
    await post('presentation.control', { command: 'minutes', show: true });

    type Screen = { version: string };
    let seen = (await post<Screen>('presentation.projector', { seen: null })).version;
    /** Time from sending `change` until the projector's waiting question is answered with the change. */
    const delay = async (change: () => Promise<unknown>): Promise<number> => {
      const waiting = post<Screen>('presentation.projector', { seen });
      // Let the projector's question reach the host and start waiting first, as it does between keys.
      await new Promise((done) => setTimeout(done, 20));
      const start = process.hrtime.bigint();
      const [, screen] = await Promise.all([change(), waiting]);
      seen = screen.version;
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const keys: number[] = [];
    for (let i = 0; i < ROUNDS + 10; i++) {
      const ms = await delay(() => post('presentation.control', { command: i % 2 === 0 ? 'next' : 'previous' }));
      if (i >= 10) keys.push(ms);
    }
    await post('presentation.control', { command: 'goTo', itemId: caseItem.id });
    seen = (await post<Screen>('presentation.projector', { seen: null })).version;
    const typed: number[] = [];
    for (let i = 0; i < 30; i++) {
      typed.push(
        await delay(() =>
          post('actions.save', {
            itemId: caseItem.id,
            what: `Afspraak ${i} met de mentor`,
            holder: null,
            due: null,
            audience: 'ouders',
          }),
        ),
      );
    }
    keys.sort((a, b) => a - b);
    typed.sort((a, b) => a - b);
    const p50 = percentile(keys, 50);
    return [
      `presenteren, key → projector (browser host, demo school's running meeting): p50 ` +
        `${fmt(p50)}, p95 ${fmt(percentile(keys, 95))}, max ${fmt(keys.at(-1)!)} ` +
        `(n=${keys.length}) — target median ${TARGET_MS} ms: ${(p50 / TARGET_MS).toFixed(2)}x ${p50 <= TARGET_MS ? '✓' : '✗'}`,
      `presenteren, secretary's saved action → projector: p50 ${fmt(percentile(typed, 50))}, p95 ` +
        `${fmt(percentile(typed, 95))} (n=${typed.length})`,
    ];
  } finally {
    backend.lock();
    await host.close();
  }
}
