import { ConsentSection } from '../features/consent/ConsentSection';
import { MeldcodeSection } from '../features/consent/MeldcodeSection';
import { StudentIntakes } from '../features/intake/StudentIntakes';
import { StudentTimeline } from '../features/minutes/StudentTimeline';
import { InzageButton } from '../features/inzage/InzageButton';
import { registerLeavingField, registerStudentAction, registerStudentSection } from '../features/people/student-sections';
import { destinationField } from '../features/retention/DestinationSelect';

/** The student page's parts from the domains built on people, in the order they are shown. */
export function registerStudentSections(): void {
  registerStudentSection('intakes', 10, StudentIntakes);
  registerStudentSection('consent', 20, ({ student }) => <ConsentSection studentId={student.id} />);
  registerStudentSection('meldcode', 30, ({ student }) => <MeldcodeSection studentId={student.id} />);
  registerStudentSection('timeline', 40, StudentTimeline);
  registerStudentAction('inzage', 10, InzageButton);
  registerLeavingField('destination', 10, destinationField);
}
