import { Button, Grid, Group, NavLink, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { templateProblems } from '../../../electron/features/letters/template-syntax';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TemplateFields } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';

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

const bodyHelp =
  'Een lege regel begint een nieuwe alinea. Aanhef, ondertekening en adres zet Zorgoverleg er zelf bij. ' +
  'Tekst tussen {{#aanOuders}} en {{/aanOuders}} staat alleen in de brief aan de ouders; ' +
  'tussen {{#aanLeerling}} en {{/aanLeerling}} alleen in de brief aan een leerling van 16 of ouder.';

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

  const subjectProblems = useMemo(() => (draft ? templateProblems(draft.subject) : []), [draft]);
  const bodyProblems = useMemo(() => (draft ? templateProblems(draft.body) : []), [draft]);

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
                description={bodyHelp}
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
              <TemplateFields editable={editable} onInsert={insert} onWrap={wrap} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TemplatePreview draft={draft} subjectProblems={subjectProblems} bodyProblems={bodyProblems} />
          </Grid.Col>
        </>
      )}
    </Grid>
  );
}
