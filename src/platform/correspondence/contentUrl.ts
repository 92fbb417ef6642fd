const CONTENT_PATH =
  /\/correspondence\/api\/v1\/correspondence\/([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})\/content\/?$/i;

/**
 * The correspondence id when `url` is Altinn Correspondence's content address, which dialogs created by
 * Correspondence use as their main content (altinn-correspondence,
 * src/Altinn.Correspondence.Integrations/Dialogporten/Mappers/CreateDialogRequestMapper.cs). Fetching it as the
 * recipient is not a plain read: the service records the status Read the first time, tells the sender
 * (CorrespondenceReceiverRead) and adds an "opened" activity to the dialog
 * (src/Altinn.Correspondence.Application/GetCorrespondenceOverview/GetCorrespondenceOverviewHandler.cs).
 * Matched on the path alone, whatever the host, so a custom base URL is recognised too.
 */
export function correspondenceContentId(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return CONTENT_PATH.exec(parsed.pathname)?.[1].toLowerCase();
}
