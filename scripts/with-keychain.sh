#!/usr/bin/env bash
# Runs a command with a real Secret Service: on Linux a private D-Bus session with an unlocked
# GNOME Keyring (so tests never touch your own keyring); elsewhere the OS keychain as it is.
set -euo pipefail
if [ -n "${KEYPOST_KEYCHAIN_READY:-}" ] || ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec "$@"
fi
# A throwaway HOME keeps the test keyring file out of the user's ~/.local/share/keyrings.
keyring_home=$(mktemp -d -t keypost-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export KEYPOST_KEYCHAIN_READY=1 XDG_DATA_HOME="$keyring_home"
dbus-run-session -- sh -c 'echo -n keypost-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" 2> >(grep -v -e 'Failed to set fd limit' -e 'org.a11y.Bus' >&2)
