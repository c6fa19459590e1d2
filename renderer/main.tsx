import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerSettingsParts } from './app/settings-parts';
import { registerMeetingData } from './app/meeting-data';

// The parts of the meeting, student and Acties pages register as those pages' chunks load (app/router.tsx).
registerMeetingData();
registerSettingsParts();

// The projector window is a page of its own: it never mounts the app, so it reads nothing but its screen,
// and loads only its own chunk besides this one (the start screen's, which it does not render).
const ProjectorApp = lazy(() => import('./features/presentation/ProjectorApp').then((m) => ({ default: m.ProjectorApp })));
const projector = window.location.hash.startsWith('#/projector');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {projector ? (
      // Black until it loads, as the projector is when there is nothing to show.
      <Suspense fallback={<div style={{ position: 'fixed', inset: 0, background: '#000' }} />}>
        <ProjectorApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
