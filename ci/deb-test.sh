#!/usr/bin/env bash
# Proves the Debian package on a machine without the build: makes it, installs
# it with apt, removes the build tree, and checks a file from another folder.
# Run on a fresh Debian 12: ../shared/tools/fresh-debian.sh ci/deb-test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb="$("$ROOT/ci/package.sh" | tail -1)"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null
rm -rf "$ROOT/build-pkg"
work="$(mktemp -d)"
cd "$work"
printf '2031年，全县新建污水管网32公里,改造供水管网18公里。\n' > draft.txt
command -v kanwu
status=0
kanwu check draft.txt || status=$?
[ "$status" -eq 1 ] || { echo "deb-test: expected one finding (exit 1), got exit $status" >&2; exit 1; }
kanwu rules | grep -q '^figure-conflict'
# A Word document: kanwu opens libzip when it reads one (it does not link
# it), so the package must name libzip itself.
dpkg-query -W -f '${Depends}' kanwu | grep -q 'libzip[0-9]' ||
  { echo "deb-test: the package does not depend on libzip: $(dpkg-query -W -f '${Depends}' kanwu)" >&2; exit 1; }
python3 - <<'PY'
import zipfile
text = '2031年，全县新建污水管网32公里,改造供水管网18公里。'
body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile('draft.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + body)
PY
status=0
kanwu check draft.docx || status=$?
[ "$status" -eq 1 ] || { echo "deb-test: expected one finding in draft.docx (exit 1), got exit $status" >&2; exit 1; }
kanwu init && test -s .kanwu.yaml
# `kanwu serve` starts the kanwu-serve installed beside kanwu.
timeout 3 kanwu serve --port 0 >serve.log 2>&1 || true
grep -q 'http://127.0.0.1:' serve.log || { echo "deb-test: kanwu serve did not start:" >&2; cat serve.log >&2; exit 1; }
# One version: the package's is the project VERSION, and kanwu says it too.
version="$(sed -n 's/^project(kanwu VERSION \([0-9.]*\) .*/\1/p' "$ROOT/CMakeLists.txt")"
[ "$(dpkg-query -W -f '${Version}' kanwu)" = "$version" ] && [ "$(kanwu --version)" = "kanwu $version" ] ||
  { echo "deb-test: package $(dpkg-query -W -f '${Version}' kanwu), $(kanwu --version), project $version" >&2; exit 1; }
echo "deb-test: the package installs and kanwu checks files from $(pwd)"
