import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** Shows an API error's Dutch message as is; anything else gets a calm generic line. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : 'Er ging iets mis.';
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={title} role="alert">
      {message}
    </Alert>
  );
}
