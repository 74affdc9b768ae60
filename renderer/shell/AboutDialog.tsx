// About Keypost: its version and licence and the versions of Electron, Chromium, Node and V8 it runs on (main answers
// getAbout), with a Copy button that puts them on the clipboard as plain text for a bug report.
import { useEffect, useState } from 'react';
import { aboutRows, aboutText, type AboutInfo } from '../../shared/about';
import { loadAbout } from './shellActions';
import { copyText } from '../ui/copyText';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import './help.css';

export function AboutDialog({ onClose }: { onClose(): void }) {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    let open = true;
    void loadAbout().then((answer) => {
      if (!open) return;
      if (answer.ok) setAbout(answer.value);
      else setStatus(answer.error.message);
    });
    return () => void (open = false);
  }, []);

  const copy = async () => {
    if (!about) return;
    setStatus((await copyText(aboutText(about))) ? 'Copied: paste it into your report.' : 'Could not copy to the clipboard.');
  };

  return (
    <Modal testId="about-dialog" title="About Keypost" onCancel={onClose}>
      {about ? (
        <table className="about-versions">
          <tbody>
            {aboutRows(about).map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                <td data-testid={`about-${row.id}`}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !status && <p className="modal-text">Loading…</p>
      )}
      {status && (
        <p className="modal-hint" role="status" data-testid="about-status">
          {status}
        </p>
      )}
      <ModalFooter leave={{ label: 'Close', testId: 'about-close', onClick: onClose }}>
        <button type="button" data-testid="about-copy" title="Copy these versions as plain text, for a bug report" onClick={() => void copy()}>
          Copy
        </button>
      </ModalFooter>
    </Modal>
  );
}
