import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerStudentSections } from './app/student-sections';
import { ProjectorApp } from './features/presentation/ProjectorApp';

registerStudentSections();

// The projector window is a page of its own: it never mounts the app, so it reads nothing but its screen.
const projector = window.location.hash.startsWith('#/projector');

createRoot(document.getElementById('root')!).render(<StrictMode>{projector ? <ProjectorApp /> : <App />}</StrictMode>);
