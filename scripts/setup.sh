#!/usr/bin/env bash
# Sets up a fresh machine for Keypost: system packages (Debian/Ubuntu), then npm dependencies.
#   keytar builds against libsecret; tests use Debian's Chromium and a private GNOME Keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsecret-1-dev chromium gnome-keyring dbus-x11)
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# In CI (and wherever the Electron download host is unreachable) skip the Electron binary download.
if [ "${CI:-}" = "true" ]; then
  export ELECTRON_SKIP_BINARY_DOWNLOAD=1
  npm ci --no-audit --no-fund
elif ! npm install --no-audit --no-fund; then
  # Usually the Electron binary download (blocked network): install the rest, and let `npm start` explain.
  echo "npm install failed; retrying without the Electron binary download." >&2
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund
fi
