#!/usr/bin/env bash
# Runs a command with a real Secret Service: on Linux a private D-Bus session with an unlocked
# GNOME Keyring (so tests never touch your own keyring); elsewhere the OS keychain as it is.
set -euo pipefail

# Already inside a private keyring (scripts/test.mjs wraps the whole run), or not Linux: the
# tests use the OS keychain with test-only service names.
if [ -n "${KEYPOST_KEYCHAIN_READY:-}" ] || [ "$(uname -s)" != Linux ]; then
  exec "$@"
fi

fail() {
  echo "with-keychain.sh: $*" >&2
  echo "Tests need a private GNOME Keyring and never fall back to yours; nothing was run." >&2
  exit 1
}

# Program, then the Debian package that provides it (dbus pulls in dbus-daemon and dbus-bin).
for need in dbus-run-session:dbus dbus-send:dbus gnome-keyring-daemon:gnome-keyring; do
  command -v "${need%%:*}" >/dev/null 2>&1 ||
    fail "${need%%:*} is missing. Install the Debian packages dbus and gnome-keyring (bash scripts/setup.sh installs them)."
done

# Inside the private bus: start and unlock the keyring, check it answers there, then run the command.
# The daemon claims org.freedesktop.secrets a moment after --unlock returns, so wait for it (up to 10 s).
# NameHasOwner never starts a service, so a keyring that failed to start is not replaced by one D-Bus starts locked.
inside_private_bus='
  fail() { echo "with-keychain.sh: $*" >&2; echo "Tests need a private GNOME Keyring and never fall back to yours; nothing was run." >&2; exit 1; }
  echo -n keypost-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
    fail "gnome-keyring-daemon --unlock failed (see its message above)."
  owned="" deadline=$((SECONDS + 10))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      owned=1; break
    fi
    sleep 0.1
  done
  [ -n "$owned" ] || fail "the private GNOME Keyring did not start: nothing owns org.freedesktop.secrets on the private bus after 10 s."
  dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
    org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q "boolean false" ||
    fail "the private GNOME Keyring started, but its default keyring is missing or locked."
  exec "$@"
'

# A throwaway XDG_DATA_HOME keeps the test keyring file out of the user's ~/.local/share/keyrings.
keyring_home=$(mktemp -d -t keypost-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export KEYPOST_KEYCHAIN_READY=1 XDG_DATA_HOME="$keyring_home"
# The filter drops harmless daemon messages (no permission to raise the fd limit, no accessibility bus).
dbus-run-session -- bash -c "$inside_private_bus" bash "$@" 2> >(grep -v -e 'Failed to set fd limit' -e 'org.a11y.Bus' >&2)
