// Renders every notice an action reported (notices.ts), each dismissible: the only place they are drawn.
import { CurlUnmappedNotice } from '../curl/CurlUnmappedNotice';
import { ErrorBanner } from './ErrorBanner';
import { InfoNotice } from './InfoNotice';
import { StoreNotice } from './StoreNotice';
import { UndoToast } from './UndoToast';
import { undoDelete } from '../presets/presetActions';
import { useStore } from '../state/useStore';
import { dismissNotice, noticesStore } from './notices';

/** One function for the toast's timer: a new one each render would restart it. */
const expireUndo = () => dismissNotice('undo');

export function NoticeHost() {
  const notices = useStore(noticesStore, (shown) => shown);
  return notices.map((notice) => {
    const dismiss = () => dismissNotice(notice.id);
    switch (notice.kind) {
      case 'error':
        return <ErrorBanner key={notice.id} error={notice.error} onDismiss={dismiss} />;
      case 'info':
        return <InfoNotice key={notice.id} text={notice.text} testId={notice.testId} onDismiss={dismiss} />;
      case 'damage':
        return <StoreNotice key={notice.id} status={notice.damage} file={notice.file} testId={notice.testId} onDismiss={dismiss} />;
      case 'curl':
        return <CurlUnmappedNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
      case 'undo':
        return (
          <UndoToast
            key={notice.id}
            message={`Deleted “${notice.preset.name}”.`}
            onExpire={expireUndo}
            onUndo={() => {
              dismiss();
              void undoDelete(notice.preset);
            }}
          />
        );
    }
  });
}
