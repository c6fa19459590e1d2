import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLastValue } from './useLastValue';

/**
 * The add-or-edit dialog of a list: open while `editing` is an item or 'new', with the matching
 * title; the form inside gets the item, or null for a new one.
 */
export function EditModal<T>({
  editing,
  onClose,
  titles,
  size,
  children,
}: {
  editing: T | 'new' | null;
  onClose(): void;
  titles: { add: string; edit: string };
  size?: ModalProps['size'];
  children(item: T | null): ReactNode;
}) {
  // Keeps the title through the closing fade instead of flipping to "wijzigen".
  const shown = useLastValue(editing);
  return (
    <Modal opened={editing !== null} onClose={onClose} title={shown === 'new' ? titles.add : titles.edit} size={size}>
      {editing !== null && children(editing === 'new' ? null : editing)}
    </Modal>
  );
}
