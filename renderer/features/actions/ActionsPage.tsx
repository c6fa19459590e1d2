import { NotYetAvailable } from '../../components/NotYetAvailable';

export function ActionsPage() {
  return (
    <NotYetAvailable
      title="Acties"
      description="Hier komen straks alle afspraken uit de overleggen: wat, wie en wanneer."
    />
  );
}
