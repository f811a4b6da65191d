#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently (a warm machine pays ~nothing):
#   1. Debian packages: chromium (browser), ripgrep (a real `rg`), libkrb5-dev (kerberos
#      headers), plus a C/C++ toolchain and python3 for the native rebuilds.
#   2. code-server (= VS Code 1.100.3, needs Node 20) into .cache/code-server/, following
#      shared/docs/real-vscode-tests.md: scripts off, then its postinstall done by hand.
# Usage: bash scripts/vscode/install.sh        (env CODE_SERVER_VERSION to override the pin)
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/code-server"
MARKER="$CACHE/.installed-$VERSION"
ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"

say() { printf '[install] %s\n' "$*"; }
started=$SECONDS

# ---------------------------------------------------------------- Debian packages
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
{ command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
  say "apt: done"
else
  say "apt: chromium, ripgrep, libkrb5-dev present"
fi

# ---------------------------------------------------------------- code-server
if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  say "code-server $VERSION already in .cache/code-server ($((SECONDS - started))s)"
  exit 0
fi

say "code-server $VERSION: installing into .cache/code-server (about 1.5 min)"
rm -rf "$CACHE"
mkdir -p "$CACHE"
# Its own package.json, so npm does not walk up and install into the repo's node_modules.
printf '{ "name": "code-server-cache", "private": true }\n' >"$CACHE/package.json"

cd "$CACHE"
say "npm install code-server@$VERSION --ignore-scripts"
npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
cd "$VSCODE"
say "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

# @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

say "lib/vscode: rebuilding native modules"
# node-pty's install script runs `npx node-gyp`; npx refuses without npm_config_yes.
npm_config_yes=true npm rebuild kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid \
  --loglevel=error >/dev/null

ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

say "lib/vscode/extensions: npm install --omit=dev --ignore-scripts"
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)

# npm hoists argon2 next to code-server.
cd "$CACHE"
say "rebuilding argon2"
npm_config_yes=true npm rebuild argon2 --loglevel=error >/dev/null

test -f "$ENTRY"
date -u +%FT%TZ >"$MARKER"
say "code-server $VERSION installed ($((SECONDS - started))s)"
