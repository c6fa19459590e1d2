import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { weekdayLongDate } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { presenterAction } from './keys';
import { runPresenterAction } from './projector-window';
import './projector.css';

type Screen = MethodOutput<'presentation.projector'>;
type Agenda = Extract<Screen, { state: 'agenda' }>;

/** Shown when the projector cannot reach the app or the vault is locked: nothing but black. */
const blank: Screen = { state: 'vergrendeld', version: '' };

const dueText = (due: string | null) =>
  due === null ? '' : due === 'volgende-overleg' ? 'volgende overleg' : `${due.slice(8, 10)}-${due.slice(5, 7)}-${due.slice(0, 4)}`;

/** "Extern — Aanmelden bij het wijkteam", without saying the decision twice when the text starts with it. */
const decisionLine = (decision: string | null, text: string | null) =>
  decision && text?.toLowerCase().startsWith(decision.toLowerCase()) ? text : [decision, text].filter(Boolean).join(' — ');

function useClock(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5000);
    return () => clearInterval(timer);
  }, []);
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * The projector's only question to the backend, asked again as soon as it is answered: the answer
 * comes when what it shows changed (or after 25 s). A lock or a lost connection blanks it at once.
 */
function useProjectorScreen(): Screen | null {
  const [screen, setScreen] = useState<Screen | null>(null);
  useEffect(() => {
    let stopped = false;
    let seen: string | null = null;
    let presented = false;
    void (async () => {
      while (!stopped) {
        try {
          const next: Screen = await invoke('presentation.projector', { seen });
          if (stopped) return;
          seen = next.version;
          if (next.state === 'wacht' && presented) {
            // The chair stopped presenting: this window has done its job.
            window.close();
          }
          presented ||= next.state === 'agenda' || next.state === 'zwart' || next.state === 'wit';
          setScreen(next);
        } catch {
          if (stopped) return;
          seen = null;
          setScreen(blank);
          await new Promise((done) => setTimeout(done, 1000));
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, []);
  return screen;
}

/**
 * Shrinks the current item's type step by step until it fits (a long decision and many actions),
 * never below 60 %: nothing is cut off and nothing scrolls. Measured again on every new screen.
 */
function useFitted(version: string) {
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  useEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let scale = 1;
    el.style.fontSize = '1em';
    while (el.scrollHeight > el.clientHeight + 1 && scale > 0.6) {
      scale -= 0.05;
      el.style.fontSize = `${scale.toFixed(2)}em`;
    }
  }, [version, size]);
  return ref;
}

function AgendaScreen({ screen }: { screen: Agenda }) {
  const clock = useClock();
  const fitted = useFitted(screen.version);
  const current = screen.current;
  // A long agenda is shown around the current item, so nothing ever needs a scroll bar.
  const at = Math.max(
    0,
    screen.items.findIndex((i) => i.current),
  );
  const room = screen.items.length <= 12 ? 12 : 10;
  const from = Math.max(0, Math.min(at - 2, screen.items.length - room));
  const shown = screen.items.slice(from, from + room);
  return (
    <div className="projector" data-state="agenda">
      <header className="projector-header">
        <span>{screen.schoolName}</span>
        <span>
          {screen.meeting.title} · {weekdayLongDate(screen.meeting.date)}
          {screen.meeting.location ? ` · ${screen.meeting.location}` : ''}
        </span>
        <span className="projector-clock" aria-label="Klok">
          {clock}
        </span>
      </header>
      <main className={screen.guestsPresent ? 'projector-body projector-single' : 'projector-body'}>
        {!screen.guestsPresent && (
          <ol className="projector-agenda" aria-label="Agenda">
            {from > 0 && <li className="projector-more">… {from === 1 ? '1 punt' : `${from} punten`} eerder</li>}
            {shown.map((item) => (
              <li key={item.number} className={item.current ? 'is-current' : undefined} aria-current={item.current ? 'step' : undefined}>
                <span className="projector-number">{item.number}</span>
                <span className="projector-title">{item.title}</span>
                <span className="projector-time">{item.start ?? ''}</span>
              </li>
            ))}
            {from + shown.length < screen.items.length && (
              <li className="projector-more">
                … nog {screen.items.length - from - shown.length === 1 ? '1 punt' : `${screen.items.length - from - shown.length} punten`}
              </li>
            )}
          </ol>
        )}
        <section className="projector-current" aria-label="Huidig punt" ref={fitted}>
          {current ? (
            <>
              <h1>
                <span className="projector-number">{current.number}</span> {current.title}
              </h1>
              {current.question && (
                <div className="projector-block">
                  <h2>Vraag aan het overleg</h2>
                  <p>{current.question}</p>
                </div>
              )}
              {current.minutes && (current.minutes.decision || current.minutes.decisionText || current.minutes.actions.length > 0) && (
                <div className="projector-block" data-testid="projector-minutes">
                  {(current.minutes.decision || current.minutes.decisionText) && (
                    <>
                      <h2>Besluit</h2>
                      <p>{decisionLine(current.minutes.decision, current.minutes.decisionText)}</p>
                    </>
                  )}
                  {current.minutes.actions.length > 0 && (
                    <>
                      <h2>Afspraken</h2>
                      <ul className="projector-actions">
                        {current.minutes.actions.map((a, i) => (
                          <li key={i}>
                            <span>{a.what}</span>
                            <span className="projector-who">{[a.holder, dueText(a.due)].filter(Boolean).join(' · ')}</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
            </>
          ) : (
            <h1>{screen.meeting.title}</h1>
          )}
        </section>
      </main>
    </div>
  );
}

/** The projector window: a page of its own that asks the backend for its screen and nothing else. */
export function ProjectorApp() {
  const screen = useProjectorScreen();

  // Nothing is typed here, but the desktop shell waits for every window's answer before locking.
  useEffect(() => window.host?.onFlushRequest(async () => undefined), []);

  useEffect(() => {
    document.title = 'Zorgoverleg — projector';
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'f' || e.key === 'F') {
        // Full screen needs a key press in this window (a browser rule), so F is offered here.
        void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);
        return;
      }
      const action = presenterAction(e);
      if (!action) return;
      e.preventDefault();
      void runPresenterAction(action).catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (screen === null || screen.state === 'vergrendeld' || screen.state === 'zwart')
    return <div className="projector projector-black" data-state={screen?.state ?? 'laden'} />;
  if (screen.state === 'wit') return <div className="projector projector-white" data-state="wit" />;
  if (screen.state === 'beeindigd')
    return (
      <div className="projector projector-waiting" data-state="beeindigd">
        <p>Presentatie beëindigd</p>
      </div>
    );
  if (screen.state === 'wacht')
    return (
      <div className="projector projector-waiting" data-state="wacht">
        <p>Zorgoverleg</p>
      </div>
    );
  return <AgendaScreen screen={screen} />;
}
