import { Table, Text } from '@mantine/core';

interface Problem {
  line: number;
  studentNumber: string;
  message: string;
}

const SHOWN = 200;

/** Rows of the file with a problem, by line number as a spreadsheet shows it. */
export function ProblemTable({ problems, label }: { problems: Problem[]; label: string }) {
  return (
    <>
      <Table withTableBorder striped aria-label={label} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Regel</Table.Th>
            <Table.Th w={160}>Leerlingnummer</Table.Th>
            <Table.Th>Reden</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            <Table.Tr key={`${p.line}-${i}`}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td ff="monospace">{p.studentNumber}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problems.length > SHOWN && (
        <Text size="sm" c="dimmed">
          En nog {problems.length - SHOWN} regels.
        </Text>
      )}
    </>
  );
}
