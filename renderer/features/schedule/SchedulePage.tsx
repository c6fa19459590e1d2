import { NotYetAvailable } from '../../components/NotYetAvailable';

export function SchedulePage() {
  return (
    <NotYetAvailable
      title="Jaarrooster"
      description="Hier plan je straks het schooljaar: IOT en ZAT om de vijf weken, buiten de vakanties en feestdagen, met export naar je agenda."
    />
  );
}
