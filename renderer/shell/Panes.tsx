// The active tab's request editor and its response, side by side.
import { useCallback, useMemo } from 'react';
import { RequestEditor } from '../request/RequestEditor';
import { ResponseView } from '../response/ResponseView';
import { chooseUploadFile, sendWithBody } from '../request/sendActions';
import { editTabDraft } from '../workspace/tabActions';
import { activeTab } from '../workspace/workspace';
import { useWorkspace } from '../workspace/workspaceStore';
import { openCookies } from '../cookies/cookieActions';
import { collectionOfTab } from '../cookies/tabCollection';
import { libraryStore } from '../presets/library';

export function Panes() {
  const tab = useWorkspace(activeTab);
  const tabId = tab.id;
  // Jump to a JSON syntax error once per error, not on every render: a new object per error moves the editor's cursor.
  const onChange = useCallback((change: Parameters<typeof editTabDraft>[1]) => editTabDraft(tabId, change), [tabId]);
  const jsonErrorAt = useMemo(() => (tab.error?.code === 'INVALID_JSON' && tab.error.position ? { ...tab.error.position } : undefined), [tab.error]);
  return (
    <div className="panes">
      <RequestEditor
        // One editor per tab: its undo history, cursor and open section belong to that tab.
        key={tabId}
        request={tab.draft}
        onChange={onChange}
        onChooseFile={chooseUploadFile}
        onSubmitBody={(body) => void sendWithBody(tabId, body)}
        reveal={jsonErrorAt}
        presetId={tab.preset?.id ?? null}
      />
      {tab.response ? (
        <ResponseView
          key={`${tab.response.requestId}:${tab.response.attempt}`}
          response={tab.response}
          receiving={tab.inFlight === tab.response.requestId}
          old={tab.responseIsOld}
          onCookies={() => openCookies(collectionOfTab(tab, libraryStore.get()))}
        />
      ) : (
        <section className="response empty">
          <p>Press Send to see the response here.</p>
        </section>
      )}
    </div>
  );
}
