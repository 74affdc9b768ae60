// A collection's cookie jar, listed: domain, path, name, the value masked until revealed, expiry, Secure/HttpOnly; one
// cookie edited (value, expiry) or deleted, or the whole jar cleared. Values come from main one at a time, on request.
import { useCallback, useEffect, useState } from 'react';
import type { CookieList, CookieRow } from '../../shared/cookies';
import type { Result } from '../../shared/errors';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import { clearCookies, deleteCookie, editCookie, listCookies, revealCookie } from './cookieActions';
import './cookies.css';

const keyOf = (cookie: CookieRow) => `${cookie.domain}\n${cookie.path}\n${cookie.name}`;
const refOf = ({ domain, path, name }: CookieRow) => ({ domain, path, name });
const MASK = '••••••••';

/** An expiry as a datetime-local field holds it (local time, to the minute); '' for a session cookie. */
function localInput(expires: number | null): string {
  if (expires === null) return '';
  const date = new Date(expires - new Date(expires).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

export function CookiesDialog({ collection, collectionName, onClose }: { collection: string; collectionName: string; onClose(): void }) {
  const [list, setList] = useState<CookieList | null>(null);
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string>>(new Map());
  const [editing, setEditing] = useState<{ key: string; value: string; expires: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const answer = await listCookies(collection);
    if (answer.ok) setList(answer.value);
    else setStatus(answer.error.message);
  }, [collection]);
  useEffect(() => void reload(), [reload]);

  /** Runs a call; its failure is shown, and the list is read again either way (the server may have changed it meanwhile). */
  const act = async (call: Promise<Result<unknown>>, done: string) => {
    const answer = await call;
    setStatus(answer.ok ? done : [answer.error.message, answer.error.hint].filter(Boolean).join(' '));
    setRevealed(new Map());
    await reload();
    return answer.ok;
  };

  const reveal = async (cookie: CookieRow) => {
    const answer = await revealCookie(collection, refOf(cookie));
    if (answer.ok) setRevealed((shown) => new Map(shown).set(keyOf(cookie), answer.value));
    else setStatus(answer.error.message);
  };

  const save = async (cookie: CookieRow) => {
    if (!editing) return;
    const expires = editing.expires === '' ? null : new Date(editing.expires).getTime();
    if (expires !== null && !(expires > Date.now())) return setStatus('Pick an expiry in the future, or leave it empty for a session cookie (deleting it is the Delete button).');
    if (await act(editCookie(collection, refOf(cookie), { value: editing.value, expires }), `Cookie “${cookie.name}” saved.`)) setEditing(null);
  };

  return (
    <Modal testId="cookies-dialog" title={`Cookies of ${collectionName}`} onCancel={onClose}>
      {list && (
        <p className="modal-hint" data-testid="cookies-storage">
          {list.storage}
        </p>
      )}
      {list?.notice && (
        <p className="notice" role="status" data-testid="cookies-notice">
          {list.notice}
        </p>
      )}
      {list && list.cookies.length === 0 && <p className="modal-text">No cookies: the servers this collection’s requests reach have set none, or they were cleared.</p>}
      {list && list.cookies.length > 0 && (
        <table className="cookie-list" data-testid="cookie-list">
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Path</th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Expires</th>
              <th scope="col">Flags</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.cookies.map((cookie) => {
              const key = keyOf(cookie);
              const value = revealed.get(key);
              const edited = editing?.key === key ? editing : null;
              return (
                <tr key={key} data-testid="cookie-row" data-name={cookie.name}>
                  <td>{cookie.hostOnly ? cookie.domain : `.${cookie.domain}`}</td>
                  <td>{cookie.path}</td>
                  <th scope="row">{cookie.name}</th>
                  <td className="cookie-value" data-testid="cookie-value">
                    {edited ? (
                      <input aria-label={`Value of ${cookie.name}`} data-testid="cookie-edit-value" value={edited.value} onChange={(event) => setEditing({ ...edited, value: event.target.value })} />
                    ) : value !== undefined ? (
                      <code>{value}</code>
                    ) : (
                      <>
                        {MASK}{' '}
                        <button type="button" data-testid="cookie-reveal" onClick={() => void reveal(cookie)}>
                          Reveal
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    {edited ? (
                      <input
                        type="datetime-local"
                        aria-label={`Expiry of ${cookie.name} (empty: a session cookie, with none)`}
                        data-testid="cookie-edit-expires"
                        value={edited.expires}
                        onChange={(event) => setEditing({ ...edited, expires: event.target.value })}
                      />
                    ) : cookie.expires === null ? (
                      <span title="Set without an expiry: kept like the others, as Settings → Keep cookies says, until the server, you or Clear all remove it">Session</span>
                    ) : (
                      new Date(cookie.expires).toLocaleString()
                    )}
                  </td>
                  <td>{[cookie.secure && 'Secure', cookie.httpOnly && 'HttpOnly'].filter(Boolean).join(', ')}</td>
                  <td className="cookie-actions">
                    {edited ? (
                      <>
                        <button type="button" className="primary" data-testid="cookie-save" onClick={() => void save(cookie)}>
                          Save
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          data-testid="cookie-edit"
                          onClick={async () => {
                            const shown = value ?? (await revealCookie(collection, refOf(cookie)));
                            if (typeof shown !== 'string' && !shown.ok) return setStatus(shown.error.message);
                            setEditing({ key, value: typeof shown === 'string' ? shown : shown.value, expires: localInput(cookie.expires) });
                          }}
                        >
                          Edit
                        </button>
                        <button type="button" className="danger" data-testid="cookie-delete" onClick={() => void act(deleteCookie(collection, refOf(cookie)), `Cookie “${cookie.name}” deleted.`)}>
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {status && (
        <p className="modal-hint" role="status" data-testid="cookies-status">
          {status}
        </p>
      )}
      <ModalFooter
        leave={{ label: 'Close', testId: 'cookies-close', onClick: onClose }}
        action={{
          label: 'Clear all',
          testId: 'cookies-clear',
          danger: true,
          disabled: !list || list.cookies.length === 0,
          onClick: () => void act(clearCookies(collection), 'All cookies of this collection were cleared.'),
        }}
      />
    </Modal>
  );
}
