@echo off
rem Build Tianbao for Windows 10/11 x64 on ONE networked Windows PC with Python 3.10-3.13 (python.org) and
rem NSIS 3 (nsis.sourceforge.io) installed. Run from this folder: packaging\windows\build.bat
rem Makes: build\dist\tianbao\ (one-folder build) and build\天报-安装程序.exe (per-user installer, no admin rights).
setlocal
chcp 65001 >nul
cd /d "%~dp0\..\.."
if not exist .venv-build\Scripts\python.exe py -3 -m venv .venv-build || goto :error
.venv-build\Scripts\python -m pip install --upgrade pip || goto :error
.venv-build\Scripts\python -m pip install . "pyinstaller>=6.3" || goto :error
.venv-build\Scripts\python -m PyInstaller --noconfirm --distpath build\dist --workpath build\work packaging\tianbao.spec || goto :error
set MAKENSIS=makensis
where makensis >nul 2>nul || set MAKENSIS="%ProgramFiles(x86)%\NSIS\makensis.exe"
for /f "tokens=3" %%v in ('findstr /b "version" setup.cfg') do set VERSION=%%v
%MAKENSIS% /INPUTCHARSET UTF8 /DVERSION=%VERSION% packaging\windows\tianbao.nsi || goto :error
echo.
echo 完成：build\dist\tianbao\tianbao.exe 和 build\天报-安装程序.exe
exit /b 0
:error
echo 构建失败，请查看上面的错误信息。
exit /b 1
