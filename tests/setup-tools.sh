#!/bin/sh
# Installs what the browser and validator tests need, when it is missing:
#   Chromium (Debian's package; never a browser download), Java (for the Nu
#   validator), Node.js and npm, and the pinned npm packages of package.json.
# On Debian or Ubuntu it uses apt-get (as root, or through sudo); elsewhere it
# says what to install. It fails when anything is still missing, so a browser
# test can never quietly skip.
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
# Chromium installs without its recommended packages; the fonts the pages are
# checked with (screenshots, Lighthouse, widths at 320 px) are asked for here.
fc-list 2>/dev/null | grep -qi "liberation" || missing="$missing fonts-liberation"

if [ -n "$missing" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        echo "setup-tools: installing$missing with apt-get"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "setup-tools: please install:$missing (Chromium, a Java runtime, Node.js with npm)" >&2
        exit 1
    fi
fi

# The pinned npm tools, reinstalled only when package-lock.json changes.
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
    echo "setup-tools: installing the pinned npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules/.installed
fi

for f in node_modules/vnu-jar/build/dist/vnu.jar node_modules/axe-core/axe.min.js node_modules/lighthouse/cli/index.js; do
    [ -f "$f" ] || { echo "setup-tools: $f is missing after npm ci" >&2; exit 1; }
done
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || { echo "setup-tools: Chromium is still missing" >&2; exit 1; }
