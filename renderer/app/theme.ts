import { createTheme, PasswordInput } from '@mantine/core';

/** Calm and legible on a laptop in a meeting room: one accent colour, generous type, system fonts. */
export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, sans-serif',
  fontSizes: { md: '1rem' },
  headings: { fontWeight: '600' },
  components: {
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Wachtwoord tonen of verbergen' } },
    }),
  },
});
