import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  NavLink,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  addresseeSections,
  hasAddresseeBlocks,
  mergeText,
  mergeTemplate,
  placeholderGroups,
  placeholders,
  sampleValuesFor,
  templateProblems,
  type Addressee,
} from '../../../electron/features/letters/placeholders';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

type Template = Awaited<ReturnType<typeof invoke<'letters.templates'>>>[number];
interface Draft {
  id: string | null;
  name: string;
  subject: string;
  body: string;
}

const lettersKey = ['letters', 'templates'] as const;

export function useLetterTemplates() {
  return useQuery({ queryKey: lettersKey, queryFn: () => invoke('letters.templates', {}) });
}

const blank: Draft = {
  id: null,
  name: 'Nieuwe brief',
  subject: 'Over {{leerling.roepnaam}}',
  body: 'Hierbij laten wij u weten …\n\n{{acties}}',
};

/**
 * Instellingen → Brieven: the school's letter templates, with the fixed list of placeholders to
 * insert and a live preview with made-up data. A misspelt placeholder is shown while typing and
 * refused on saving, so it can never reach a parent as {{…}}.
 */
/** A field or a block of the template, put in at the cursor (or around the selection) with a click. */
function FieldBadge({
  label,
  title,
  color,
  editable,
  onClick,
}: {
  label: string;
  title: string;
  color?: string;
  editable: boolean;
  onClick: () => void;
}) {
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      style={{ cursor: editable ? 'pointer' : 'default' }}
      title={title}
      component="button"
      type="button"
      disabled={!editable}
      onClick={onClick}
    >
      {label}
    </Badge>
  );
}

export function TemplatesPanel({ editable }: { editable: boolean }) {
  const queryClient = useQueryClient();
  const templates = useLetterTemplates();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const list = templates.data ?? [];
  const selected = list.find((t) => t.id === selectedId) ?? null;

  // The first template is open from the start; a new list (after saving) keeps the open one.
  useEffect(() => {
    if (selectedId === null && list[0] && draft === null) open(list[0]);
  });

  /** Switching away from unsaved edits asks first: nothing typed is lost without saying so. */
  function leave(then: () => void) {
    if (!dirty) return then();
    modals.openConfirmModal({
      title: 'Wijzigingen niet opgeslagen',
      children: <Text size="sm">De wijzigingen in "{draft?.name}" zijn nog niet opgeslagen. Weggooien?</Text>,
      labels: { confirm: 'Weggooien', cancel: 'Terug naar de sjabloon' },
      confirmProps: { color: 'red' },
      onConfirm: then,
    });
  }

  function open(template: Template) {
    setSelectedId(template.id);
    setDraft({ id: template.id, name: template.name, subject: template.subject, body: template.body });
    setServerFields({});
  }

  const dirty =
    draft !== null &&
    (selected === null || draft.name !== selected.name || draft.subject !== selected.subject || draft.body !== selected.body);

  const save = useMutation({
    mutationFn: (d: Draft) => invoke('letters.saveTemplate', d),
    onSuccess: async ({ id }) => {
      setServerFields({});
      await queryClient.invalidateQueries({ queryKey: lettersKey });
      setSelectedId(id);
      setDraft((d) => (d ? { ...d, id } : d));
      notifications.show({ color: 'teal', title: 'Opgeslagen', message: 'De briefsjabloon is opgeslagen.' });
    },
    onError: (err) => setServerFields(err instanceof ApiError && err.fields ? err.fields : {}),
  });
  const reset = useMutation({
    mutationFn: (id: string) => invoke('letters.resetTemplate', { id }),
    onSuccess: async () => {
      const fresh = await queryClient.fetchQuery({
        queryKey: lettersKey,
        queryFn: () => invoke('letters.templates', {}),
      });
      const next = fresh.find((t) => t.id === selectedId) ?? fresh[0];
      if (next) open(next);
      else setDraft(null);
    },
  });

  const [previewFor, setPreviewFor] = useState<Addressee>('ouders');
  const subjectProblems = useMemo(() => (draft ? templateProblems(draft.subject) : []), [draft]);
  const bodyProblems = useMemo(() => (draft ? templateProblems(draft.body) : []), [draft]);
  const preview = useMemo(
    () => (draft && bodyProblems.length === 0 ? mergeTemplate(draft.body, sampleValuesFor(previewFor), previewFor) : null),
    [draft, bodyProblems, previewFor],
  );

  /** Puts {{name}} where the cursor is in the letter text, and keeps typing there. */
  function insert(name: string) {
    if (!draft) return;
    const area = bodyRef.current;
    const at = area ? area.selectionStart : draft.body.length;
    const end = area ? area.selectionEnd : at;
    const token = `{{${name}}}`;
    setDraft({ ...draft, body: draft.body.slice(0, at) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  }

  /** Puts the selected text (or an empty line to type on) between {{#name}} and {{/name}}: text for one addressee only. */
  function wrap(name: string) {
    if (!draft) return;
    const area = bodyRef.current;
    const at = area ? area.selectionStart : draft.body.length;
    const end = area ? area.selectionEnd : at;
    const open = `{{#${name}}}\n`;
    const inner = draft.body.slice(at, end);
    const block = `${open}${inner}\n{{/${name}}}`;
    setDraft({ ...draft, body: draft.body.slice(0, at) + block + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + open.length, at + open.length + inner.length);
    });
  }

  function confirmReset(template: Template) {
    modals.openConfirmModal({
      title: template.shippedKey ? 'Standaardtekst terugzetten' : 'Sjabloon verwijderen',
      children: (
        <Text size="sm">
          {template.shippedKey
            ? `"${template.name}" krijgt weer de tekst waarmee Zorgoverleg komt. Jullie aanpassingen gaan verloren.`
            : `"${template.name}" wordt verwijderd.`}
        </Text>
      ),
      labels: { confirm: template.shippedKey ? 'Terugzetten' : 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => reset.mutate(template.id),
    });
  }

  if (templates.isPending) return <Text c="dimmed">Sjablonen laden…</Text>;
  if (templates.isError) return <ErrorAlert error={templates.error} />;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="xs">
          <Text fw={700}>Sjablonen</Text>
          {list.map((t) => (
            <NavLink
              key={t.id}
              active={t.id === selectedId}
              label={t.name}
              description={t.shippedKey ? (t.edited ? 'Aangepast' : 'Standaard') : 'Eigen brief'}
              onClick={() => t.id !== selectedId && leave(() => open(t))}
              aria-current={t.id === selectedId ? 'true' : undefined}
            />
          ))}
          {editable && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => leave(() => (setSelectedId(null), setDraft(blank), setServerFields({})))}
            >
              Nieuwe brief
            </Button>
          )}
        </Stack>
      </Grid.Col>
      {draft && (
        <>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm" component="section" aria-label="Sjabloon bewerken">
              <TextInput
                label="Naam"
                value={draft.name}
                readOnly={!editable}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                error={serverFields.name}
              />
              <TextInput
                label="Betreft (onderwerp)"
                value={draft.subject}
                readOnly={!editable}
                onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })}
                error={subjectProblems[0] ?? serverFields.subject}
              />
              <Textarea
                ref={bodyRef}
                label="Tekst van de brief"
                description="Een lege regel begint een nieuwe alinea. Aanhef, ondertekening en adres zet Zorgoverleg er zelf bij. Tekst tussen {{#aanOuders}} en {{/aanOuders}} staat alleen in de brief aan de ouders; tussen {{#aanLeerling}} en {{/aanLeerling}} alleen in de brief aan een leerling van 16 of ouder."
                value={draft.body}
                readOnly={!editable}
                onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
                autosize
                minRows={14}
                maxRows={28}
                error={bodyProblems.length > 0 ? bodyProblems.join(' ') : serverFields.body}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              {save.isError && !serverFields.body && !serverFields.subject && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
              {reset.isError && <ErrorAlert error={reset.error} />}
              {editable && (
                <Group justify="space-between">
                  <Group gap="xs">
                    {selected && (selected.edited || !selected.shippedKey) && (
                      <Button
                        variant="subtle"
                        color="red"
                        leftSection={selected.shippedKey ? <IconArrowBackUp size={16} /> : <IconTrash size={16} />}
                        onClick={() => confirmReset(selected)}
                      >
                        {selected.shippedKey ? 'Standaardtekst terugzetten' : 'Verwijderen'}
                      </Button>
                    )}
                  </Group>
                  <Group gap="xs">
                    {dirty && (
                      <Text size="sm" c="dimmed">
                        Niet opgeslagen wijzigingen
                      </Text>
                    )}
                    <Button
                      leftSection={<IconDeviceFloppy size={16} />}
                      loading={save.isPending}
                      disabled={!dirty}
                      onClick={() => save.mutate(draft)}
                    >
                      Opslaan
                    </Button>
                  </Group>
                </Group>
              )}
              <Paper withBorder p="sm">
                <Text fw={600} size="sm" mb={4}>
                  Velden {editable ? '(klik om in te voegen)' : ''}
                </Text>
                {/* Read-only the badges are no buttons: the list itself then takes the focus, so it scrolls by keyboard too. */}
                <ScrollArea.Autosize
                  mah={260}
                  viewportProps={editable ? undefined : { tabIndex: 0, role: 'region', 'aria-label': 'Velden' }}
                >
                  <Stack gap={6}>
                    <div>
                      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                        Voor één ontvanger {editable ? '(selecteer tekst en klik)' : ''}
                      </Text>
                      <Group gap={4} mt={2}>
                        {addresseeSections.map((section) => (
                          <FieldBadge
                            key={section.name}
                            color="grape"
                            title={section.description}
                            editable={editable}
                            onClick={() => wrap(section.name)}
                            label={`{{#${section.name}}} … {{/${section.name}}}`}
                          />
                        ))}
                      </Group>
                    </div>
                    {placeholderGroups.map((group) => (
                      <div key={group.key}>
                        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                          {group.label}
                        </Text>
                        <Group gap={4} mt={2}>
                          {placeholders
                            .filter((p) => p.group === group.key)
                            .map((p) => (
                              <FieldBadge
                                key={p.name}
                                title={p.description}
                                editable={editable}
                                onClick={() => insert(p.name)}
                                label={`{{${p.name}}}`}
                              />
                            ))}
                        </Group>
                      </div>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs" component="section" aria-label="Voorbeeld">
              <Title order={3} size="h5">
                Voorbeeld (met verzonnen gegevens)
              </Title>
              <SegmentedControl
                size="xs"
                aria-label="Voorbeeld voor"
                value={previewFor}
                onChange={(v) => setPreviewFor(v === 'leerling' ? 'leerling' : 'ouders')}
                data={[
                  { value: 'ouders', label: 'Aan de ouders' },
                  { value: 'leerling', label: 'Aan de leerling (16+)' },
                ]}
              />
              {draft && !hasAddresseeBlocks(draft.body) && previewFor === 'leerling' && (
                <Text size="xs" c="dimmed">
                  Deze brief heeft geen eigen tekst voor de leerling: een leerling van 16 of ouder leest dezelfde tekst als de ouders.
                </Text>
              )}
              <Paper withBorder p="md" shadow="xs" data-letter-preview style={{ fontFamily: 'Calibri, Carlito, sans-serif', fontSize: 14 }}>
                {preview === null ? (
                  <Alert color="orange" variant="light">
                    Verbeter eerst de velden die niet kloppen; dan verschijnt hier het voorbeeld.
                  </Alert>
                ) : (
                  <Stack gap="xs">
                    <Text size="sm">
                      <b>Betreft:</b>{' '}
                      {subjectProblems.length === 0 ? mergeText(draft.subject, sampleValuesFor(previewFor), previewFor) : '…'}
                    </Text>
                    <Text size="sm">{previewFor === 'leerling' ? 'Beste Zoë,' : 'Geachte mevrouw De Vries, geachte heer De Vries,'}</Text>
                    {preview.map((block, index) =>
                      block.kind === 'paragraph' ? (
                        <Text key={index} size="sm" fw={block.heading === true ? 700 : undefined} style={{ whiteSpace: 'pre-line' }}>
                          {block.text}
                        </Text>
                      ) : (
                        <List key={index} size="sm">
                          {block.items.map((item, i) => (
                            <List.Item key={i}>{item}</List.Item>
                          ))}
                        </List>
                      ),
                    )}
                    <Text size="sm">Met vriendelijke groet,</Text>
                  </Stack>
                )}
              </Paper>
            </Stack>
          </Grid.Col>
        </>
      )}
    </Grid>
  );
}
