import type { MethodOutput } from '../../../../electron/app/contract';

/** What the wizard's steps hand each other, apart from the wizard so the steps need not import it. */
export type Analysis = MethodOutput<'import.analyze'>;
export type Preview = MethodOutput<'import.preview'>;
