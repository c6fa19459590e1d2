import { NotYetAvailable } from '../../components/NotYetAvailable';

export function MeetingsPage() {
  return (
    <NotYetAvailable
      title="Overleggen"
      description="Hier komen straks de agenda's en notulen van IOT, ZAT, FlexZAT en MDO, met de open acties van het vorige overleg."
    />
  );
}
