import { NotYetAvailable } from '../../components/NotYetAvailable';

export function IntakePage() {
  return (
    <NotYetAvailable
      title="Aanmeldingen"
      description="Hier komen straks de aanmeldformulieren en de toestemming van ouders of leerling."
    />
  );
}
