import { Button, Group, Menu, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconFileTypeDocx, IconSquare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { invoke } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWordExport } from './useWordExport';

type NameStyle = 'initialen' | 'volledig';
type Choice = { kind: 'agenda' | 'notulen' } | null;

const titles = { agenda: 'Agenda als Word-document', notulen: 'Notulen als Word-document' } as const;

/**
 * The meeting's Word documents: agenda, stukken and notulen. Students appear by initials and class
 * unless the user chooses full names for this one document; a case without consent for everyone
 * at the table keeps its initials even then.
 */
export function DocumentsMenu({
  meetingId,
  hasAgenda,
  keeper,
  beforeExport,
}: {
  meetingId: string;
  hasAgenda: boolean;
  /** Coordinator, chair or secretary: the stukken hold whole intake forms. */
  keeper: boolean;
  beforeExport: () => Promise<unknown>;
}) {
  const mayName = useSession().user.roles.includes('coordinator');
  const [choice, setChoice] = useState<Choice>(null);
  const [names, setNames] = useState<NameStyle>('initialen');
  /** Whose notulen: '' the team's, else an external partner's id. */
  const [reader, setReader] = useState('');
  const word = useWordExport(beforeExport);
  // The external partners who were at the meeting (or a guest on an item) each get their own version.
  const readers = useQuery({
    queryKey: ['documents.minutesReaders', meetingId],
    queryFn: () => invoke('documents.minutesReaders', { meetingId }),
    enabled: choice?.kind === 'notulen',
  });

  async function save() {
    if (!choice) return;
    const partnerName = readers.data?.find((r) => r.partnerId === reader)?.name;
    const done =
      choice.kind === 'agenda'
        ? await word.run('De agenda', () => invoke('documents.agenda', { meetingId, names }))
        : await word.run(partnerName ? `De notulen voor ${partnerName}` : 'De notulen', () =>
            invoke('documents.minutes', { meetingId, names, partnerId: reader || null }),
          );
    if (done) setChoice(null);
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={word.busy !== null && choice === null}
          >
            Word
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={!hasAgenda} onClick={() => (word.clearError(), setNames('initialen'), setChoice({ kind: 'agenda' }))}>
            Agenda…
          </Menu.Item>
          <Menu.Item disabled={!keeper} onClick={() => void word.run('De stukken', () => invoke('documents.papers', { meetingId }))}>
            Stukken (aanmeldformulieren)
          </Menu.Item>
          <Menu.Item
            disabled={!hasAgenda}
            onClick={() => (word.clearError(), setNames('initialen'), setReader(''), setChoice({ kind: 'notulen' }))}
          >
            Notulen…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item component={Link} to={`/brieven?overleg=${meetingId}`} disabled={!hasAgenda}>
            Brieven aan ouders…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {word.error !== null && choice === null && <ErrorAlert error={word.error} title="Het Word-document kon niet worden gemaakt" />}
      <Modal opened={choice !== null} onClose={() => (word.clearError(), setChoice(null))} title={choice ? titles[choice.kind] : ''}>
        <Stack gap="md">
          {choice?.kind === 'notulen' && (readers.data?.length ?? 0) > 0 && (
            <Radio.Group label="Voor wie" value={reader} onChange={setReader}>
              <Stack gap="xs" mt="xs">
                <Radio value="" label="Het team (met interne tekst, gemarkeerd)" />
                {readers.data!.map((r) => (
                  <Radio
                    key={r.partnerId}
                    value={r.partnerId}
                    label={`${r.name} (zonder interne tekst)`}
                    description={
                      r.wholeMeeting
                        ? 'Leerlingen zonder toestemming voor deze partner staan er zonder naam in.'
                        : 'Alleen de punten waarbij deze partner aanwezig was.'
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Radio.Group label="Leerlingen in het document" value={names} onChange={(v) => setNames(v as NameStyle)}>
            <Stack gap="xs" mt="xs">
              <Radio value="initialen" label="Met initialen en klas (J.d.V., 2B)" />
              <Radio
                value="volledig"
                label="Met volledige namen"
                disabled={!mayName}
                description={mayName ? undefined : 'Alleen de coördinator kiest volledige namen.'}
              />
            </Stack>
          </Radio.Group>
          {names === 'volledig' && (
            <Text size="sm" c="orange.9">
              Volledige namen alleen voor wie de leerling mag kennen. Een leerling zonder toestemming voor alle deelnemers blijft met
              initialen.
            </Text>
          )}
          {word.error !== null && <ErrorAlert error={word.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (word.clearError(), setChoice(null))}>
              Annuleren
            </Button>
            <Button onClick={() => void save()} loading={word.busy !== null}>
              Opslaan
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One student's part of the minutes: for the dossier (with intern text) or for the parents (without). */
export function ExtractMenu({ itemId, beforeExport }: { itemId: string; beforeExport: () => Promise<unknown> }) {
  const word = useWordExport(beforeExport);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="subtle" leftSection={<IconFileTypeDocx size={14} />} loading={word.busy !== null}>
            Uittreksel
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Alleen het deel van deze leerling</Menu.Label>
          <Menu.Item
            onClick={() =>
              void word.run('Het uittreksel voor het dossier', () => invoke('documents.extract', { itemId, version: 'dossier' }))
            }
          >
            Voor het dossier (met interne tekst)
          </Menu.Item>
          <Menu.Item
            onClick={() => void word.run('Het uittreksel voor ouders', () => invoke('documents.extract', { itemId, version: 'ouders' }))}
          >
            Voor ouders (zonder interne tekst)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {word.error !== null && <ErrorAlert error={word.error} title="Het uittreksel kon niet worden gemaakt" />}
    </>
  );
}

/** The open actions as a Word list, with the filters the Acties page shows (holder, series, mine). */
export function ActionListMenu({
  filter,
}: {
  filter: {
    holderStaffId: string | null;
    seriesId: string | null;
    studentId: string | null;
    mine: boolean;
    overdueOnly: boolean;
  };
}) {
  const mayName = useSession().user.roles.includes('coordinator');
  const word = useWordExport();
  const [names, setNames] = useState<NameStyle>('initialen');
  const make = (groupBy: 'holder' | 'series') =>
    void word.run('De actielijst', () => invoke('documents.actionList', { groupBy, ...filter, names }));
  return (
    <>
      <Menu position="bottom-end" withinPortal closeOnItemClick={false}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={word.busy !== null}
          >
            Actielijst (Word)
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Open acties met deze filters</Menu.Label>
          <Menu.Item closeMenuOnClick onClick={() => make('holder')}>
            Per actiehouder
          </Menu.Item>
          <Menu.Item closeMenuOnClick onClick={() => make('series')}>
            Per overlegreeks
          </Menu.Item>
          {mayName && (
            <>
              <Menu.Divider />
              <Menu.Item
                role="menuitemcheckbox"
                aria-checked={names === 'volledig'}
                leftSection={names === 'volledig' ? <IconCheck size={14} /> : <IconSquare size={14} />}
                onClick={() => setNames(names === 'initialen' ? 'volledig' : 'initialen')}
              >
                Met volledige namen
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {word.error !== null && <ErrorAlert error={word.error} title="De actielijst kon niet worden gemaakt" />}
    </>
  );
}
