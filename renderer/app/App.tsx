import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cssVariablesResolver, theme } from './theme';
import './focus.css';
import { VaultGate } from './VaultGate';

const queryClient = new QueryClient({
  defaultOptions: {
    // Data is local: no background refetching; errors surface at once.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <VaultGate />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
