import { ActionIcon, CloseButton, Group, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import 'dayjs/locale/nl';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { dateProblem, dutchNumericDate, parseDutchDate, PLAUSIBLE_YEARS } from '../../electron/shared/date-rules';
import { useSelectOnFocus } from './select-on-focus';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const calendarLabels = {
  previousMonth: 'Vorige maand',
  nextMonth: 'Volgende maand',
  previousYear: 'Vorig jaar',
  nextYear: 'Volgend jaar',
  previousDecade: 'Vorige tien jaar',
  nextDecade: 'Volgende tien jaar',
};
const asText = (value: string | null | undefined) => (!value ? '' : ISO.test(value) ? dutchNumericDate(value) : value);

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type' | 'label'> {
  label?: string;
  /** How messages name the field when it has no visible label ("Deadline"); defaults to the label. */
  fieldName?: string;
  /**
   * An ISO date (yyyy-MM-dd), null or '' when empty, or, while what is typed is no date yet, that
   * text itself: it is kept, never replaced by an older date, and the contract refuses it by name.
   */
  value?: string | null;
  onChange(value: string | null): void;
  /** The first and last date the calendar offers and the field accepts (ISO). */
  minDate?: string;
  maxDate?: string;
  clearable?: boolean;
}

/**
 * A date typed and shown as dd-mm-jjjj whatever the computer's language (a `type="date"` input
 * follows the browser: mm/dd/yyyy in an English Chromium), with a Dutch calendar to pick from.
 * Accepts "9-3-2011", "09032011" and "9 maart 2011"; what cannot be read stays as typed, with a
 * message under the field once the user leaves it.
 */
export function DateField({
  label,
  fieldName,
  value,
  onChange,
  minDate,
  maxDate,
  clearable,
  error,
  onBlur,
  onFocus,
  readOnly,
  disabled,
  ...rest
}: DateFieldProps) {
  const name = fieldName ?? label ?? (typeof rest['aria-label'] === 'string' ? rest['aria-label'] : 'Datum');
  const [text, setText] = useState(() => asText(value));
  const [ownError, setOwnError] = useState<string | null>(null);
  const [calendarOpen, setCalendarOpen] = useState(false);
  // What this field last reported: a value that differs came from elsewhere (a reset, a reload).
  const reported = useRef<string | null | undefined>(value);
  useEffect(() => {
    if ((value ?? null) !== (reported.current ?? null)) {
      reported.current = value;
      setText(asText(value));
      setOwnError(null);
    }
  }, [value]);

  const report = (next: string | null) => {
    reported.current = next;
    onChange(next);
  };
  const problemWith = (iso: string): string | null => {
    const problem = dateProblem(iso, name);
    if (problem) return problem;
    if (minDate && iso < minDate) return `${name}: kies ${dutchNumericDate(minDate)} of later.`;
    if (maxDate && iso > maxDate) return `${name}: kies ${dutchNumericDate(maxDate)} of eerder.`;
    return null;
  };
  const typed = (next: string) => {
    setText(next);
    setOwnError(null);
    report(next.trim() === '' ? null : (parseDutchDate(next) ?? next));
  };
  const left = (event: FocusEvent<HTMLInputElement>) => {
    onBlur?.(event);
    if (text.trim() === '') return;
    const iso = parseDutchDate(text);
    if (iso === null) {
      setOwnError(`${name}: vul een datum in als dd-mm-jjjj (bijvoorbeeld 09-03-2011).`);
      return;
    }
    setText(dutchNumericDate(iso));
    setOwnError(problemWith(iso));
  };
  const picked = (iso: string | null) => {
    setCalendarOpen(false);
    setText(asText(iso));
    setOwnError(iso ? problemWith(iso) : null);
    report(iso);
  };

  // Typing into a filled field replaces the date rather than appending to it.
  const selecting = useSelectOnFocus(onFocus);
  const current = parseDutchDate(text);
  const editable = !readOnly && !disabled;
  return (
    <Popover opened={calendarOpen} onChange={setCalendarOpen} position="bottom-end" shadow="md" trapFocus returnFocus withRoles={false}>
      <Popover.Target>
        <TextInput
          {...rest}
          {...selecting}
          label={label}
          value={text}
          onChange={(e) => typed(e.currentTarget.value)}
          onBlur={left}
          readOnly={readOnly}
          disabled={disabled}
          placeholder={rest.placeholder ?? 'dd-mm-jjjj'}
          inputMode="numeric"
          autoComplete="off"
          error={ownError ?? error}
          rightSectionWidth={clearable && text ? 60 : 34}
          rightSection={
            editable && (
              <Group gap={2} wrap="nowrap">
                {clearable && text && <CloseButton size="sm" aria-label="Leegmaken" onClick={() => typed('')} />}
                {/* Not named after the field: "Datum" must find the field itself, not its buttons too. */}
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Kalender openen" onClick={() => setCalendarOpen((o) => !o)}>
                  <IconCalendar size={16} />
                </ActionIcon>
              </Group>
            )
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          locale="nl"
          firstDayOfWeek={1}
          // Mantine's arrows are icons only: without names a screen reader hears just "button". The
          // level control keeps its visible text ("maart 2011") as its name.
          ariaLabels={calendarLabels}
          // Mantine greys the neighbouring months' days to 2.4:1; hidden, no day reads too faint.
          hideOutsideDates
          value={current}
          defaultDate={current ?? undefined}
          onChange={picked}
          allowDeselect={clearable}
          minDate={minDate ?? `${PLAUSIBLE_YEARS.min}-01-01`}
          maxDate={maxDate ?? `${PLAUSIBLE_YEARS.max}-12-31`}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
