import { NotYetAvailable } from '../../components/NotYetAvailable';

export function LettersPage() {
  return (
    <NotYetAvailable
      title="Brieven"
      description="Hier maak je straks brieven aan ouders als Word-document: uitnodigingen, terugkoppeling en verzoeken om toestemming."
    />
  );
}
