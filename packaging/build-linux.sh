#!/usr/bin/env bash
# Build Tianbao for Linux (Debian, Kylin, UOS; amd64) from a clean checkout:
#   build/dist/tianbao/             a self-contained one-folder build (PyInstaller), no Python needed
#   build/tianbao_VERSION_amd64.deb installs it under /opt/tianbao with a menu entry and icon
#   build/tianbao-VERSION-linux-x86_64.tar.gz   the same folder for machines without dpkg
# Usage (as root on a networked Debian machine, once): bash packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=$(sed -n 's/^version *= *//p' setup.cfg)
PY=${PYTHON:-.venv/bin/python}
if [ ! -x "$PY" ]; then bash .ci/setup; fi
"$PY" -m pip install -q 'pyinstaller>=6.3' 2>&1 | grep -v '^WARNING: Location' || true
command -v dpkg-deb >/dev/null || { apt-get update -qq && apt-get install -y -qq dpkg >/dev/null; }

rm -rf build/work build/dist build/deb
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work packaging/tianbao.spec

# .deb: /opt/tianbao, a launcher in /usr/bin, a menu entry and an icon.
PKG=build/deb
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
         "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/icons/hicolor/64x64/apps"
cp -a build/dist/tianbao "$PKG/opt/tianbao"
ln -s /opt/tianbao/tianbao "$PKG/usr/bin/tianbao"
cp packaging/linux/tianbao.desktop "$PKG/usr/share/applications/tianbao.desktop"
cp resources/icons/tianbao.png "$PKG/usr/share/icons/hicolor/256x256/apps/tianbao.png"
cp resources/icons/tianbao-64.png "$PKG/usr/share/icons/hicolor/64x64/apps/tianbao.png"
SIZE=$(du -sk "$PKG" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$SIZE/" packaging/linux/control > "$PKG/DEBIAN/control"
cp packaging/linux/postinst packaging/linux/postrm "$PKG/DEBIAN/"
chmod 755 "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
dpkg-deb --root-owner-group -Zgzip --build "$PKG" "build/tianbao_${VERSION}_amd64.deb" >/dev/null

tar -C build/dist -czf "build/tianbao-${VERSION}-linux-x86_64.tar.gz" tianbao
echo "一体化文件夹: $ROOT/build/dist/tianbao ($(du -sh build/dist/tianbao | cut -f1))"
echo "安装包:       $ROOT/build/tianbao_${VERSION}_amd64.deb ($(du -sh "build/tianbao_${VERSION}_amd64.deb" | cut -f1))"
echo "压缩包:       $ROOT/build/tianbao-${VERSION}-linux-x86_64.tar.gz"
