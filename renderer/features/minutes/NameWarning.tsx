import { Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';

/** How long typing must pause before the text is checked: the check never slows a key. */
const CHECK_AFTER_MS = 700;

/**
 * The names in a text meant for parents that those parents may not read (another student or
 * family), found by the backend's disclosure policy, after typing pauses. Only asked while the
 * text is marked "mag naar ouders"; a failed check shows nothing (the export scrubs regardless).
 */
export interface FoundName {
  text: string;
  /** Also a colleague's given name: written in full, the colleague's name stays. */
  alsoStaff: boolean;
}

export function useNameWarning(studentId: string | null, text: string, forParents: boolean): FoundName[] {
  const [names, setNames] = useState<FoundName[]>([]);
  const asked = forParents && text.trim() !== '';
  // Not asked any more (emptied, or no longer for parents): the last answer is forgotten, as the text changed.
  const [wasAsked, setWasAsked] = useState(asked);
  if (asked !== wasAsked) {
    setWasAsked(asked);
    if (!asked) setNames([]);
  }
  useEffect(() => {
    if (!asked) return;
    let current = true;
    const timer = setTimeout(() => {
      invoke('disclosure.check', { studentId, text })
        .then((result) => current && setNames(result.names))
        .catch(() => current && setNames([]));
    }, CHECK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [studentId, text, asked]);
  // The last check stays while typing goes on; an emptied or internal text warns of nothing.
  return asked ? names : [];
}

/** The quiet line under a field: which names the parents' version will not show. */
export function NameWarning({ names }: { names: FoundName[] }) {
  if (names.length === 0) return null;
  const list = names.map((n) => `"${n.text}"`).join(', ');
  const colleague = names.some((n) => n.alsoStaff);
  return (
    <Text size="xs" c="orange.8" role="status" data-name-warning>
      <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {list} {names.length === 1 ? 'lijkt de naam van een andere leerling of ouder' : 'lijken namen van andere leerlingen of ouders'}:
      ouders lezen hier [naam]. Formuleer het liever zonder naam.
      {colleague ? ' Bedoel je een collega? Schrijf dan de volledige naam.' : ''}
    </Text>
  );
}
