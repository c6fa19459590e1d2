import type { ComponentType } from 'react';
import { registry } from '../../../electron/shared/registry';

/** The Acties page's filters as a later domain reads them (the Word action list takes the same). */
export interface ActionListFilter {
  holderStaffId: string | null;
  seriesId: string | null;
  studentId: string | null;
  mine: boolean;
  overdueOnly: boolean;
}

/**
 * Tools in the Acties page's header from the domains built on minutes (the documents' Word list).
 * They register at start-up (renderer/app/actions-parts.ts), so the minutes import none of them.
 */
const tools = registry<ComponentType<{ filter: ActionListFilter }>>();

export const registerActionListTool = (domain: string, Tool: ComponentType<{ filter: ActionListFilter }>): void =>
  tools.register(domain, Tool);
export const actionListTools = (): ComponentType<{ filter: ActionListFilter }>[] => tools.entries();
