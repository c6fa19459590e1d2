import { NotYetAvailable } from '../../components/NotYetAvailable';

export function StudentsPage() {
  return (
    <NotYetAvailable
      title="Leerlingen"
      description="Hier komen straks de leerlingen en hun ouders of verzorgers, ingelezen uit Magister of Somtoday."
    />
  );
}
