import { ModalsProvider } from '@mantine/modals';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { lazyPage } from './lazy-page';

// Every screen is a chunk of its own, loaded when first opened: the first chunk holds only the start
// screen, the unlock and this shell. A page's parts from later domains register as its chunk loads.
const schedule = lazyPage(() => import('../features/schedule/SchedulePage').then((m) => m.SchedulePage));
const meetings = lazyPage(() => import('../features/agenda/MeetingsPage').then((m) => m.MeetingsPage));
const meeting = lazyPage(async () => {
  const [parts, page] = await Promise.all([import('./meeting-parts'), import('../features/agenda/MeetingPage')]);
  parts.registerMeetingParts();
  return page.MeetingPage;
});
const presenting = lazyPage(() => import('../features/presentation/ConsolePage').then((m) => m.ConsolePage));
const intakes = lazyPage(() => import('../features/intake/IntakePage').then((m) => m.IntakePage));
const intakeForm = lazyPage(() => import('../features/intake/IntakeFormPage').then((m) => m.IntakeFormPage));
const students = lazyPage(() => import('../features/people/StudentsPage').then((m) => m.StudentsPage));
const studentImport = lazyPage(() => import('../features/people/import/ImportWizard').then((m) => m.ImportWizard));
const student = lazyPage(async () => {
  const [sections, page] = await Promise.all([import('./student-sections'), import('../features/people/StudentPage')]);
  sections.registerStudentSections();
  return page.StudentPage;
});
const actions = lazyPage(async () => {
  const [tools, page] = await Promise.all([import('./actions-parts'), import('../features/minutes/ActionsPage')]);
  tools.registerActionListTools();
  return page.ActionsPage;
});
const letters = lazyPage(() => import('../features/letters/LettersPage').then((m) => m.LettersPage));
const settings = lazyPage(() => import('./SettingsPage').then((m) => m.SettingsPage));

/** Hash routes work the same under app:// (Electron) and http://127.0.0.1 (browser shell). */
export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/jaarrooster" replace /> },
      { path: 'jaarrooster', element: schedule },
      { path: 'overleggen', element: meetings },
      { path: 'overleggen/:id', element: meeting },
      { path: 'overleggen/:id/presenteren', element: presenting },
      { path: 'aanmeldingen', element: intakes },
      { path: 'aanmeldingen/:id', element: intakeForm },
      { path: 'leerlingen', element: students },
      { path: 'leerlingen/importeren', element: studentImport },
      { path: 'leerlingen/:id', element: student },
      { path: 'acties', element: actions },
      { path: 'brieven', element: letters },
      { path: 'instellingen', element: settings },
      { path: '*', element: <Navigate to="/jaarrooster" replace /> },
    ],
  },
]);

/** The app once the vault is open: a chunk of its own, loaded by VaultGate after the unlock. */
export function AppRoutes() {
  // Confirmations are asked only behind the unlock: their provider comes with this chunk.
  return (
    <ModalsProvider>
      <RouterProvider router={router} />
    </ModalsProvider>
  );
}
