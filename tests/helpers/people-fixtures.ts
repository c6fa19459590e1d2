import type { MethodInput } from '../../electron/app/contract';

/** A mother with gezag at a Utrecht address: the guardian the roles tests (api and e2e) give their student. */
export const petraDeVries = (studentId: string): MethodInput<'guardians.save'> => ({
  id: null,
  studentId,
  givenName: 'Petra',
  infix: 'de',
  familyName: 'Vries',
  relation: 'moeder',
  parentalAuthority: true,
  street: 'Lindelaan',
  houseNumber: '4',
  postalCode: '3512 KL',
  city: 'Utrecht',
  email: '',
  phone: '',
  salutation: 'Geachte mevrouw De Vries',
});
