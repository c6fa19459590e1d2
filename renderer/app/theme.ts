import {
  Autocomplete,
  createTheme,
  darken,
  DEFAULT_THEME,
  luminance,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  toRgba,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** WCAG 2.1 AA asks 4.5:1 for normal text; a little margin keeps rounding from tipping a colour under it. */
const READABLE = 4.6;

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function hex(colour: string): string {
  const { r, g, b } = toRgba(colour);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `colour`, darkened in small steps until it reads at 4.6:1 on `background`. */
function readableOn(colour: string, background: string): string {
  let shade = colour;
  for (let step = 1; contrast(shade, background) < READABLE && step <= 20; step++) shade = hex(darken(colour, step * 0.05));
  return shade;
}

/**
 * Mantine's palettes with shades 8 and 9 dark enough for text: shade 8 is the filled colour
 * (white text on it; outline, link and coloured text on white or a tinted row of shade 0 or 1),
 * shade 9 the text of light badges, buttons and alerts (on shade 1, or shade 2 on hover).
 * Mantine's own orange, yellow, lime, green, teal and cyan read at 2.5 to 4.4:1 there.
 */
const readableColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, tuple]) => {
    const filled = readableOn(tuple[8], tuple[1]);
    const text = readableOn(tuple[9], tuple[2]);
    return [name, [...tuple.slice(0, 8), filled, text] as unknown as MantineColorsTuple];
  }),
);

/**
 * The option list of a combobox scrolls itself instead of through a ScrollArea inside it: the
 * list is worked with the arrow keys from the field (aria-activedescendant), which assistive
 * technology and axe-core know of the listbox a combobox controls, not of a wrapper in it (that
 * reads as a scrolling region no key can reach).
 */
const selfScrollingOptions = {
  defaultProps: { withScrollArea: false },
  styles: (_: unknown, props: { maxDropdownHeight?: number | string }) => ({
    options: { maxHeight: props.maxDropdownHeight ?? 220, overflowY: 'auto' as const },
  }),
};

/** Calm and legible on a laptop in a meeting room: one accent colour, generous type, system fonts. */
export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: 8,
  colors: readableColors,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, sans-serif',
  fontSizes: { md: '1rem' },
  headings: { fontWeight: '600' },
  components: {
    Select: Select.extend(selfScrollingOptions),
    MultiSelect: MultiSelect.extend(selfScrollingOptions),
    Autocomplete: Autocomplete.extend(selfScrollingOptions),
    // Confirmations (modals.openConfirmModal) and every dialog: the close button says what it does.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Sluiten' } } }),
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Wachtwoord tonen of verbergen' } },
    }),
  },
});

/**
 * Dimmed text (hints, secondary columns) in gray 7 and placeholders in a darkened gray 6:
 * Mantine's gray 6 and gray 5 read at 3.3 and 2.1:1 on white.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': readableOn(t.colors.gray[6], '#ffffff'),
  },
  dark: {},
});
