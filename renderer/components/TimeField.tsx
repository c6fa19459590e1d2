import { TextInput, type TextInputProps } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { clockTimeProblem, parseClockTime } from '../../electron/shared/clock-time';
import { useSelectOnFocus } from './select-on-focus';

export interface TimeFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type' | 'label'> {
  label?: string;
  /** How the message names the field when it has no visible label; defaults to the label. */
  fieldName?: string;
  /** "14:00", or, while what is typed is no time yet, that text itself (kept; the contract refuses it by name). */
  value?: string;
  onChange(value: string): void;
}

/**
 * A time of day typed and shown as 24-hour uu:mm whatever the browser's language (a `type="time"`
 * input follows the browser: "02:00 PM" in an English Chromium). Accepts "14", "1400", "14.00";
 * what cannot be read stays as typed, with a message naming the field once the user leaves it.
 */
export function TimeField({ label, fieldName, value, onChange, error, onBlur, onFocus, ...rest }: TimeFieldProps) {
  const name = fieldName ?? label ?? (typeof rest['aria-label'] === 'string' ? rest['aria-label'] : 'Tijd');
  const [text, setText] = useState(value ?? '');
  const [ownError, setOwnError] = useState<string | null>(null);
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value ?? '');
      setOwnError(null);
    }
  }, [value]);
  const report = (next: string) => {
    reported.current = next;
    onChange(next);
  };
  const selecting = useSelectOnFocus(onFocus);
  const left = (event: FocusEvent<HTMLInputElement>) => {
    onBlur?.(event);
    if (text.trim() === '') return;
    const time = parseClockTime(text);
    if (time === null) {
      setOwnError(clockTimeProblem(name));
      return;
    }
    setText(time);
  };
  return (
    <TextInput
      {...rest}
      {...selecting}
      label={label}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        setOwnError(null);
        report(parseClockTime(next) ?? next);
      }}
      onBlur={left}
      placeholder={rest.placeholder ?? 'uu:mm'}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      error={ownError ?? error}
      rightSection={<IconClock size={16} aria-hidden />}
      rightSectionPointerEvents="none"
    />
  );
}
