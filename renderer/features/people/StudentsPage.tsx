import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMayCall } from '../../api/session';
import { useStudentFilters, useStudentSearch } from './queries';
import { StudentForm } from './StudentForm';

const PAGE = 200;

export function StudentsPage() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 100);
  const [className, setClassName] = useState<string | null>(null);
  const [yearLevel, setYearLevel] = useState<string | null>(null);
  const [status, setStatus] = useState<'active' | 'left' | 'all'>('active');
  const [adding, { open, close }] = useDisclosure(false);
  const mayImport = useMayCall('import.start');
  const mayAdd = useMayCall('students.save');
  const filters = useStudentFilters();
  const search = useStudentSearch({
    query: debounced,
    className,
    yearLevel: yearLevel ? Number(yearLevel) : null,
    status,
    limit: PAGE,
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Leerlingen</Title>
        <Group>
          {mayImport && (
            <Button component={Link} to="/leerlingen/importeren" variant="light" leftSection={<IconFileImport size={18} />}>
              Importeren
            </Button>
          )}
          {mayAdd && (
            <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
              Leerling toevoegen
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Zoeken"
          placeholder="Naam, leerlingnummer of klas"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          autoFocus
          w={340}
        />
        <Select
          label="Klas"
          placeholder="Alle klassen"
          data={filters.data?.classes ?? []}
          value={className}
          onChange={setClassName}
          clearable
          searchable
          w={150}
        />
        <Select
          label="Leerjaar"
          placeholder="Alle"
          data={(filters.data?.yearLevels ?? []).map(String)}
          value={yearLevel}
          onChange={setYearLevel}
          clearable
          w={110}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={[
            { value: 'active', label: 'Ingeschreven' },
            { value: 'left', label: 'Uitgeschreven' },
            { value: 'all', label: 'Alle' },
          ]}
        />
      </Group>
      {search.isError && <ErrorAlert error={search.error} />}
      {search.data && (
        <>
          <Text size="sm" c="dimmed" data-testid="student-count">
            {search.data.total === 0
              ? 'Geen leerlingen gevonden.'
              : search.data.total > search.data.items.length
                ? `${search.data.items.length} van ${search.data.total} leerlingen; verfijn je zoekopdracht om de rest te zien.`
                : `${search.data.total} ${search.data.total === 1 ? 'leerling' : 'leerlingen'}`}
          </Text>
          {search.data.items.length > 0 && (
            <Table highlightOnHover striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Naam</Table.Th>
                  <Table.Th>Leerlingnummer</Table.Th>
                  <Table.Th>Klas</Table.Th>
                  <Table.Th>Leerjaar</Table.Th>
                  <Table.Th>Niveau</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {search.data.items.map((s) => (
                  <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/leerlingen/${s.id}`)}>
                    <Table.Td>
                      <Link
                        to={`/leerlingen/${s.id}`}
                        style={{ color: 'inherit', textDecoration: 'none' }}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {s.sortName}
                      </Link>{' '}
                      {s.status === 'left' && (
                        <Badge size="sm" color="gray" variant="light">
                          uitgeschreven
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{s.studentNumber}</Table.Td>
                    <Table.Td>{s.className}</Table.Td>
                    <Table.Td>{s.yearLevel ?? ''}</Table.Td>
                    <Table.Td>{s.level}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <Modal opened={adding} onClose={close} title="Leerling toevoegen" size="lg">
        <StudentForm
          student={null}
          onSaved={(id) => {
            close();
            navigate(`/leerlingen/${id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
