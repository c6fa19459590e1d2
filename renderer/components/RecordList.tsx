import {
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  type ModalProps,
  type TableTdProps,
  type TableThProps,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { EditModal } from './EditModal';
import { ErrorAlert } from './ErrorAlert';

export interface Column<T> {
  header: string;
  cell(record: T): ReactNode;
  th?: TableThProps;
  td?: TableTdProps;
}

/** A table of records, one Wijzigen per row that is ours to change. */
export function RecordTable<T>({
  label,
  records,
  columns,
  rowKey,
  name,
  onEdit,
}: {
  /** The table's accessible name. */
  label: string;
  records: T[];
  columns: Column<T>[];
  rowKey(record: T): string;
  /** What a row's Wijzigen button is read out with ("Jan Bosman wijzigen"); null: the row is not ours to change. */
  name(record: T): string | null;
  onEdit(record: T): void;
}) {
  return (
    <Table striped highlightOnHover withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header} {...c.th}>
              {c.header}
            </Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => {
          const rowName = name(r);
          return (
            <Table.Tr key={rowKey(r)}>
              {columns.map((c) => (
                <Table.Td key={c.header} {...c.td}>
                  {c.cell(r)}
                </Table.Td>
              ))}
              <Table.Td>
                {rowName !== null && (
                  <Button size="xs" variant="subtle" onClick={() => onEdit(r)} aria-label={`${rowName} wijzigen`}>
                    Wijzigen
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The settings screens' list of records: a table with one Wijzigen per row, a "… toevoegen"
 * button, and one dialog for both that holds the record's form (see RecordForm).
 */
export function RecordList<T>({
  noun,
  label,
  intro,
  records,
  query,
  columns,
  rowKey,
  name,
  empty,
  isActive,
  addIcon = <IconPlus size={18} />,
  dialogSize,
  editable = true,
  form,
}: {
  /** "Medewerker": the button and the dialog say "Medewerker toevoegen" and "Medewerker wijzigen". */
  noun: string;
  /** The table's accessible name. */
  label: string;
  intro: ReactNode;
  records: T[] | undefined;
  /** The query the records come from, for its loading and error states; absent when they are at hand. */
  query?: { isPending: boolean; isError: boolean; error: unknown };
  columns: Column<T>[];
  rowKey(record: T): string;
  /** As in RecordTable: the row's name for its Wijzigen, null when it cannot be changed here. */
  name(record: T): string | null;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  /** Records that are switched off show only after "Ook inactieve tonen". */
  isActive?(record: T): boolean;
  addIcon?: ReactNode;
  dialogSize?: ModalProps['size'];
  /** False for a user whose roles may not change these records: the list only, no buttons. */
  editable?: boolean;
  /** The dialog's contents: the record's form, or a blank one for null. */
  form(record: T | null, close: () => void): ReactNode;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const shown = (records ?? []).filter((r) => showInactive || !isActive || isActive(r));
  const close = () => setEditing(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text c="dimmed">{intro}</Text>
        <Group wrap="nowrap" style={{ flexShrink: 0 }}>
          {isActive && (
            <Switch label="Ook inactieve tonen" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
          )}
          {editable && (
            <Button leftSection={addIcon} onClick={() => setEditing('new')}>
              {noun} toevoegen
            </Button>
          )}
        </Group>
      </Group>
      {query?.isPending && <Loader aria-label="Laden" />}
      {query?.isError && <ErrorAlert error={query.error} />}
      {records && records.length === 0 && empty !== undefined && <Text>{empty}</Text>}
      {records && (records.length > 0 || empty === undefined) && (
        <RecordTable
          label={label}
          records={shown}
          columns={columns}
          rowKey={rowKey}
          name={editable ? name : () => null}
          onEdit={setEditing}
        />
      )}
      <EditModal editing={editing} onClose={close} titles={{ add: `${noun} toevoegen`, edit: `${noun} wijzigen` }} size={dialogSize}>
        {(record) => form(record, close)}
      </EditModal>
    </Stack>
  );
}

/** The grey "inactief" after a name: the record stays for history but is offered nowhere new. */
export function InactiveBadge({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  return (
    <Badge size={size} color="gray" variant="light">
      inactief
    </Badge>
  );
}

/**
 * Puts the contract's messages next to their fields; what was typed stays. Returns false when a
 * message belongs to no field of this form, so it is shown as a whole as well.
 */
function placeFieldErrors<V>(error: unknown, form: UseFormReturnType<V>, fieldFor: Record<string, string>): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = Object.keys(form.values as object);
  const placed: Record<string, string> = {};
  let all = true;
  for (const [path, message] of Object.entries(error.fields)) {
    const key = fieldFor[path] ?? path.split('.')[0]!;
    if (known.includes(key)) placed[key] ??= message;
    else all = false;
  }
  form.setErrors(placed);
  return all && Object.keys(placed).length > 0;
}

/**
 * The form inside a RecordList's dialog: saves, refreshes the list and closes; a refusal shows
 * under its field (or above the buttons) and keeps the dialog open with everything typed.
 * A record that can be deleted gets a Verwijderen that asks first.
 */
export function RecordForm<V>({
  form,
  save,
  refresh,
  onDone,
  afterSave,
  fieldFor = {},
  remove,
  children,
}: {
  form: UseFormReturnType<V>;
  save(values: V): Promise<unknown>;
  /** The queries that show these records. */
  refresh: QueryKey;
  onDone(): void;
  afterSave?(values: V): void;
  /** Contract paths that are a differently named field here ("attendees.staffIds" → "staffIds"). */
  fieldFor?: Record<string, string>;
  remove?: { title: string; message: ReactNode; run(): Promise<unknown> };
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [placed, setPlaced] = useState(false);
  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: refresh });
    onDone();
  };
  const saving = useMutation({
    mutationFn: save,
    onMutate: () => setPlaced(false),
    onSuccess: async (_, values) => {
      await finish();
      afterSave?.(values);
    },
    onError: (error) => setPlaced(placeFieldErrors(error, form, fieldFor)),
  });
  const removing = useMutation({ mutationFn: () => remove!.run(), onSuccess: finish });
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: remove!.title,
      children: <Text>{remove!.message}</Text>,
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => removing.mutate(),
    });

  return (
    <form onSubmit={form.onSubmit((v) => saving.mutate(v))} noValidate>
      <Stack>
        {children}
        {saving.isError && !placed && <ErrorAlert error={saving.error} title="Niet opgeslagen" />}
        {removing.isError && <ErrorAlert error={removing.error} title="Niet verwijderd" />}
        <Group justify={remove ? 'space-between' : 'flex-end'}>
          {remove && (
            <Button variant="subtle" color="red" loading={removing.isPending} onClick={confirmRemove}>
              Verwijderen
            </Button>
          )}
          <Button type="submit" loading={saving.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
