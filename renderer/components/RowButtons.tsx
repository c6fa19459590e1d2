import { ActionIcon, Button } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The bin at the end of a row in an editable list; `label` names what goes, for screen readers. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" mt={6} aria-label={label} onClick={onClick}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** The quiet "+ … toevoegen" under an editable list. */
export function AddRowButton({ children, onClick }: { children: ReactNode; onClick(): void }) {
  return (
    <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={onClick}>
      {children}
    </Button>
  );
}
