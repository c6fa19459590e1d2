import { Center, Group, Loader, Text } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';

/** Shown while a screen's chunk loads: a status a screen reader announces politely. */
export function PageLoading() {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">Laden…</Text>
      </Group>
    </Center>
  );
}

/**
 * A screen in a chunk of its own (the build's size report and tests/unit/bundle-budget.test.ts hold each
 * to its budget). `load` runs once, the first time the screen opens: it imports the page and registers
 * what the domains built on it add to it, before the page renders.
 */
export function lazyPage(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
