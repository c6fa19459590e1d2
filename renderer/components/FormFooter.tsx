import { Button, Group, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/** What the footer shows of a mutation (react-query's result fits): its error and whether it runs. */
interface Progress {
  isError: boolean;
  error: unknown;
  isPending: boolean;
}

interface Props {
  /** The label of the button that does it; it submits the form around it unless `onConfirm` is given. */
  submit: ReactNode;
  /** Its error shows above the buttons, and the button is busy while it runs. */
  mutation?: Progress;
  errorTitle?: string;
  /** False while the error stands under its fields already. */
  showError?: boolean;
  color?: ButtonProps['color'];
  leftSection?: ReactNode;
  disabled?: boolean;
  /** For a dialog without a form: the button does this instead of submitting. */
  onConfirm?(): void;
  onCancel?(): void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
  /** A side action on the left, such as removing what the form edits. */
  start?: ReactNode;
}

/**
 * The foot of a form or confirm dialog: what went wrong, then on the right the way back and the
 * button that does it. Every form ends alike, so a user finds "Annuleren" and the action in one place.
 */
export function FormFooter({
  submit,
  mutation,
  errorTitle,
  showError = true,
  color,
  leftSection,
  disabled,
  onConfirm,
  onCancel,
  cancelLabel = 'Annuleren',
  cancelDisabled,
  start,
}: Props) {
  const buttons = (
    <>
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
          {cancelLabel}
        </Button>
      )}
      <Button
        type={onConfirm ? 'button' : 'submit'}
        color={color}
        leftSection={leftSection}
        disabled={disabled}
        loading={mutation?.isPending}
        onClick={onConfirm}
      >
        {submit}
      </Button>
    </>
  );
  return (
    <>
      {mutation?.isError && showError && <ErrorAlert error={mutation.error} title={errorTitle} />}
      {start ? (
        <Group justify="space-between">
          {start}
          <Group>{buttons}</Group>
        </Group>
      ) : (
        <Group justify="flex-end">{buttons}</Group>
      )}
    </>
  );
}
