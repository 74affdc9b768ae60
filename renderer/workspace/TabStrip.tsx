// The open requests as tabs, wired to the workspace store and the tab actions.
import { RequestTabs } from './RequestTabs';
import { activateTab, openBlankTab, requestCloseTab } from './tabActions';
import { useWorkspace } from './workspaceStore';

export function TabStrip() {
  const tabs = useWorkspace((workspace) => workspace.tabs);
  const activeId = useWorkspace((workspace) => workspace.activeId);
  return <RequestTabs tabs={tabs} activeId={activeId} onActivate={activateTab} onClose={requestCloseTab} onNew={openBlankTab} />;
}
