import { Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { missingText, type PartnerCheck } from './labels';

/**
 * One partner's consent for one case: complete, missing (who, and why) or refused; used on the
 * student page and in the aanmeldformulier, with room for what may be done about it.
 */
export function PartnerConsentLine({ check, children }: { check: PartnerCheck; children?: ReactNode }) {
  const icon =
    check.status === 'ok' ? (
      <IconCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
    ) : check.status === 'refused' ? (
      <IconCircleX size={18} color="var(--mantine-color-red-7)" aria-hidden />
    ) : (
      <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
    );
  return (
    <li>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <span style={{ flexShrink: 0, marginTop: 2 }}>{icon}</span>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {check.partnerName}
            </Text>
            {': '}
            {check.status === 'ok' ? (
              <Text span size="sm" c="teal.8">
                Toestemming compleet
              </Text>
            ) : (
              <Text span size="sm" c={check.status === 'refused' ? 'red.8' : 'orange.9'}>
                {check.missing.length === 0
                  ? 'toestemming ontbreekt'
                  : `${check.status === 'refused' ? 'Geweigerd of ingetrokken' : 'Ontbreekt'}: ${missingText(check)}`}
              </Text>
            )}
          </Text>
          {check.problem && (
            <Text size="sm" c="orange.9">
              {check.problem}
            </Text>
          )}
          {children}
        </Stack>
      </Group>
    </li>
  );
}
