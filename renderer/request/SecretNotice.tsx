// Secrets typed into the header or query table: said plainly, kept out of every file, and one click moves each to the keychain.
import { isMovable, type SecretRow } from '../../shared/secrets';

interface Props {
  rows: SecretRow[];
  onMove(row: SecretRow): void;
}

export function SecretNotice({ rows, onMove }: Props) {
  if (rows.length === 0) return null;
  return (
    <div className="secret-notice" data-testid="secret-notice" role="status">
      <p>
        {rows.map((row) => `“${row.name || '(no name)'}”`).join(', ')} {rows.length === 1 ? 'looks' : 'look'} like a secret. Keypost sends{' '}
        {rows.length === 1 ? 'it' : 'them'} but never writes {rows.length === 1 ? 'it' : 'them'} to a preset, a restored tab or an export; the
        keychain is the only place a secret is kept.
      </p>
      {rows.filter(isMovable).map((row) => (
        <button key={`${row.where}-${row.index}`} type="button" data-testid="secret-move" title="The request then sends this credential instead of the one it had" onClick={() => onMove(row)}>
          Move {row.where === 'header' ? 'header' : 'query parameter'} “{row.name}” to the keychain
        </button>
      ))}
    </div>
  );
}
