import { vocabulary } from '../../shared/vocabulary';

/** The fixed words of the people domain, shared by the contract and the screens. */

export const staffFunctions = [
  'OCO',
  'LLCO',
  'BPO',
  'mentor',
  'schoolpsycholoog',
  'unitleider',
  'counselor',
  'RT',
  'decaan',
  'orthopedagoog',
  'voorzitter',
  'directie',
] as const;

export const [partnerKinds, partnerKindLabels] = vocabulary({
  samenwerkingsverband: 'Samenwerkingsverband',
  jeugdhulp: 'Jeugdhulp',
  ggd: 'GGD / jeugdarts',
  leerplicht: 'Leerplicht',
  politie: 'Politie / schoolagent',
  anders: 'Anders',
});
export type PartnerKind = (typeof partnerKinds)[number];

export const guardianRelations = ['moeder', 'vader', 'ouder', 'verzorger', 'pleegouder', 'stiefouder', 'voogd'] as const;

export const schoolLevels = [
  'vmbo-bb',
  'vmbo-kb',
  'vmbo-gl',
  'vmbo-tl',
  'vmbo-tl/havo',
  'havo',
  'havo/vwo',
  'vwo',
  'gymnasium',
  'praktijkonderwijs',
] as const;
