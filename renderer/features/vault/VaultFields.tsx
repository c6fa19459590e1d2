import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';

/** Who opens the vault: the users of an environment or a backup, by name and staff code. */
export function UserSelect({
  users,
  ...props
}: Omit<SelectProps, 'data'> & { users: readonly { id: string; name: string; staffCode: string }[] }) {
  return (
    <Select
      label="Gebruiker"
      data={users.map((u) => ({ value: u.id, label: `${u.name} (${u.staffCode})` }))}
      allowDeselect={false}
      {...props}
    />
  );
}

/** A key or a path, typed to the letter: monospace, never autocompleted or spell-checked. */
export function CodeInput(props: TextInputProps) {
  return <TextInput styles={{ input: { fontFamily: 'monospace' } }} autoComplete="off" spellCheck={false} {...props} />;
}

/** The recovery key as printed on creation day. */
export function RecoveryKeyInput(props: TextInputProps) {
  return <CodeInput label="Herstelsleutel" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" {...props} />;
}
