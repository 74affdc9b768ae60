// "Use HTTP/1.1 only" in the Settings dialog: never offer HTTP/2, for a server or company middlebox that mishandles it.

export function Http1OnlyField({ value, onChange }: { value: boolean; onChange(on: boolean): void }) {
  return (
    <div className="setting-field">
      <label title="Keypost offers HTTP/2 to https servers and uses it when the server agrees; this makes every request, token request and Check use HTTP/1.1, as curl --http1.1.">
        <input type="checkbox" data-testid="settings-http1-only" checked={value} onChange={(event) => onChange(event.target.checked)} /> Use HTTP/1.1 only
      </label>
    </div>
  );
}
