import { ActionListMenu } from '../features/documents/DocumentsMenu';
import { registerActionListTool } from '../features/minutes/actions-page-parts';

/** The Acties page's tools from the domains built on minutes, registered as its chunk loads. */
export function registerActionListTools(): void {
  registerActionListTool('documents', ActionListMenu);
}
