import { Kbd, Modal, Table } from '@mantine/core';

/** The keys of the meeting page; `?` (or F1 while typing) shows them. */
export const meetingShortcuts: { keys: string[]; what: string }[] = [
  { keys: ['Alt', '↓'], what: 'Volgend agendapunt' },
  { keys: ['Alt', '↑'], what: 'Vorig agendapunt' },
  { keys: ['Alt', 'A'], what: 'Nieuwe actie bij dit punt' },
  { keys: ['Alt', 'B'], what: 'Besloten aan of uit' },
  { keys: ['Ctrl', 'K'], what: 'Naar een leerling springen' },
  { keys: ['Alt', 'Shift', '↑ / ↓'], what: 'Agendapunt omhoog of omlaag verplaatsen' },
  { keys: ['?'], what: 'Deze sneltoetsen (F1 tijdens het typen)' },
];

export function ShortcutsOverlay({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Sneltoetsen" size="md">
      <Table aria-label="Sneltoetsen">
        <Table.Tbody>
          {meetingShortcuts.map((s) => (
            <Table.Tr key={s.what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{s.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
