import { Badge, Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { MethodInput } from '../../../electron/app/contract';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConsentWorklist } from './ConsentWorklist';
import { IntakeTable, type IntakeColumn } from './IntakeTable';
import { MeetingIntakes } from './MeetingIntakes';
import { NewIntakeModal } from './NewIntakeModal';
import { useIntakeList } from './queries';

type Tab = 'mijn' | 'beoordelen' | 'overleg' | 'alle' | 'toestemming';
const tabs: Tab[] = ['mijn', 'beoordelen', 'overleg', 'alle', 'toestemming'];
const noFilter: MethodInput<'intakes.list'> = { status: null, meetingId: null, studentId: null, mine: false };

/** Aanmeldingen: one table per view of the intakes; a coordinator starts at what awaits review. */
export function IntakePage() {
  const session = useSession();
  const coordinator = session.user.roles.includes('coordinator');
  const [params, setParams] = useSearchParams();
  const [adding, add] = useDisclosure(false);
  const fromUrl = params.get('tab') as Tab | null;
  const tab: Tab = fromUrl && tabs.includes(fromUrl) ? fromUrl : coordinator ? 'beoordelen' : 'mijn';
  const toReview = useIntakeList({ ...noFilter, status: 'ingediend' });
  const reviewCount = toReview.data?.length ?? 0;

  const reviewTab = (
    <Tabs.Tab
      value="beoordelen"
      rightSection={
        reviewCount > 0 ? (
          <Badge size="sm" circle variant="filled" aria-label={`${reviewCount} te beoordelen`}>
            {reviewCount}
          </Badge>
        ) : null
      }
    >
      Te beoordelen
    </Tabs.Tab>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Aanmeldingen</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={add.open}>
          Nieuwe aanmelding
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {coordinator && reviewTab}
          <Tabs.Tab value="mijn">Mijn aanmeldingen</Tabs.Tab>
          {!coordinator && reviewTab}
          <Tabs.Tab value="overleg">Per overleg</Tabs.Tab>
          <Tabs.Tab value="alle">Alle</Tabs.Tab>
          <Tabs.Tab value="toestemming">Toestemming nodig</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mijn">
          <ListTab filter={{ ...noFilter, mine: true }} label="Mijn aanmeldingen" empty="Je hebt nog geen aanmeldingen gedaan." />
        </Tabs.Panel>
        <Tabs.Panel value="beoordelen">
          <ListTab
            filter={{ ...noFilter, status: 'ingediend' }}
            label="Te beoordelen"
            empty="Er wachten geen ingediende aanmeldingen op beoordeling."
          />
        </Tabs.Panel>
        <Tabs.Panel value="overleg">
          <MeetingIntakes />
        </Tabs.Panel>
        <Tabs.Panel value="alle">
          <ListTab filter={noFilter} label="Alle aanmeldingen" empty="Er zijn nog geen aanmeldingen." />
        </Tabs.Panel>
        <Tabs.Panel value="toestemming">
          <ConsentWorklist />
        </Tabs.Panel>
      </Tabs>
      <NewIntakeModal opened={adding} onClose={add.close} />
    </Stack>
  );
}

function ListTab({
  filter,
  label,
  empty,
  hide,
}: {
  filter: MethodInput<'intakes.list'>;
  label: string;
  empty: string;
  hide?: IntakeColumn[];
}) {
  const list = useIntakeList(filter);
  if (list.isPending) return <Loader aria-label="Laden" />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return <IntakeTable rows={list.data} label={label} empty={empty} hide={hide} />;
}
