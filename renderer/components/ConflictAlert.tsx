import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A colleague saved the same thing first: says so, shows their version (the children), and lets
 * the user keep theirs, take the colleague's, or merge both where a merge makes sense.
 */
export function ConflictAlert({
  title,
  children,
  onChoose,
  onMerge,
}: {
  title: string;
  children: ReactNode;
  onChoose(choice: 'mine' | 'theirs'): void;
  onMerge?(): void;
}) {
  return (
    <Alert color="orange" variant="light" title={title} role="alert">
      <Stack gap="xs">
        {children}
        <Group gap="xs">
          <Button size="xs" onClick={() => onChoose('mine')}>
            Mijn versie bewaren
          </Button>
          <Button size="xs" variant="default" onClick={() => onChoose('theirs')}>
            Versie van collega nemen
          </Button>
          {onMerge && (
            <Button size="xs" variant="default" onClick={onMerge}>
              Beide samenvoegen
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
