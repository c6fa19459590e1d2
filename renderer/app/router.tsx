import { createHashRouter, Navigate } from 'react-router';
import { Layout } from './Layout';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { MeetingsPage } from '../features/agenda/MeetingsPage';
import { MeetingPage } from '../features/agenda/MeetingPage';
import { IntakePage } from '../features/intake/IntakePage';
import { IntakeFormPage } from '../features/intake/IntakeFormPage';
import { StudentsPage } from '../features/people/StudentsPage';
import { StudentPage } from '../features/people/StudentPage';
import { ImportWizard } from '../features/people/import/ImportWizard';
import { ActionsPage } from '../features/minutes/ActionsPage';
import { LettersPage } from '../features/letters/LettersPage';
import { SettingsPage } from './SettingsPage';
import { ConsolePage } from '../features/presentation/ConsolePage';

/** Hash routes work the same under app:// (Electron) and http://127.0.0.1 (browser shell). */
export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/jaarrooster" replace /> },
      { path: 'jaarrooster', element: <SchedulePage /> },
      { path: 'overleggen', element: <MeetingsPage /> },
      { path: 'overleggen/:id', element: <MeetingPage /> },
      { path: 'overleggen/:id/presenteren', element: <ConsolePage /> },
      { path: 'aanmeldingen', element: <IntakePage /> },
      { path: 'aanmeldingen/:id', element: <IntakeFormPage /> },
      { path: 'leerlingen', element: <StudentsPage /> },
      { path: 'leerlingen/importeren', element: <ImportWizard /> },
      { path: 'leerlingen/:id', element: <StudentPage /> },
      { path: 'acties', element: <ActionsPage /> },
      { path: 'brieven', element: <LettersPage /> },
      { path: 'instellingen', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/jaarrooster" replace /> },
    ],
  },
]);
