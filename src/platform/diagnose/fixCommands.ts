/** The commands Diagnose's Fix actions run (registered by the VS Code layer; ids kept here so the chain stays pure). */
export const FIX_COMMANDS = {
  draftScopeRequest: 'altinnInbox.draftScopeRequest',
  editProfile: 'altinnInbox.editProfile',
  useSystemUser: 'altinnInbox.useSystemUser',
  requestSystemUser: 'altinnInbox.requestSystemUser',
  editSystem: 'altinnInbox.editSystem',
  changeRequest: 'altinnInbox.changeSystemUserRequest',
  openConfirmUrl: 'altinnInbox.openSystemUserConfirmUrl',
  openSettings: 'workbench.action.openSettings',
} as const;
