#!/usr/bin/env bash
# Sets up a fresh machine for Keypost: system packages (Debian/Ubuntu), then npm dependencies (Node 24 among them).
#   keytar builds against libsecret; tests use Debian's Chromium, a private GNOME Keyring, and the clients the code
#   export's snippets run in (curl; Python requests); the locked-keychain test locks the keyring with gdbus.
set -euo pipefail
cd "$(dirname "$0")/.."

# curl: tests/unit/codeExport.test.ts runs the curl snippet; libglib2.0-bin: gdbus, for tests/unit/vault-locked.test.ts;
# libxml2-utils: xmllint, which checks keypost run's JUnit report against a JUnit XML schema (tests/unit/cli.test.ts);
# openssl: makes the test CA and its certificates (tests/fixtures/testCertificates.ts, for tests/unit/certificates.test.ts).
packages=(libsecret-1-dev chromium gnome-keyring dbus-x11 python3-requests curl libglib2.0-bin libxml2-utils openssl)
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

# The npm scripts run on Node 24 from node_modules/.bin (the `node` devDependency: the Node major Electron 45
# embeds), so a system Node that is only good enough for npm (20 or later) still sets up and runs everything.
# Electron 45 downloads its binary on first launch (`npm start`), not here.
if [ "${CI:-}" = "true" ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
echo "npm scripts use Node $(node_modules/.bin/node --version) (system Node: $(node --version))."
