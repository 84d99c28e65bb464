#!/usr/bin/env sh
# Collect the UI's source strings into the .ts file (keeping existing translations), then compile
# the .qm the program loads. Translate new strings with pyside6-linguist between the two steps.
set -eu
cd "$(dirname "$0")/.."
bin=${VENV_BIN:-.venv/bin}
"$bin/pyside6-lupdate" $(find ui -name '*.py' | sort) -no-obsolete \
  -source-language zh_CN -target-language en -ts resources/translations/frontdesk_en.ts
"$bin/pyside6-lrelease" resources/translations/frontdesk_en.ts -qm resources/translations/frontdesk_en.qm
