@echo off
rem 天报离线安装：在已装 Python 3.10-3.13 的电脑上，双击本文件（与 *.whl 放在同一文件夹）。
rem Installs Tianbao offline into %LOCALAPPDATA%\Tianbao\venv and puts a 天报 shortcut on the desktop.
setlocal
chcp 65001 >nul
cd /d "%~dp0"
set TARGET=%LOCALAPPDATA%\Tianbao\venv
where py >nul 2>nul && (set PYLAUNCH=py -3) || (set PYLAUNCH=python)
%PYLAUNCH% -c "import sys; sys.exit(0 if (3,10) <= sys.version_info[:2] <= (3,13) else 1)" || (
  echo 需要 Python 3.10 至 3.13。请先安装 Python，再双击本文件。
  pause
  exit /b 1
)
%PYLAUNCH% -m venv "%TARGET%" || goto :error
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0." tianbao || goto :error
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$s=(New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Desktop')+'\天报.lnk');" ^
  "$s.TargetPath='%TARGET%\Scripts\tianbao.exe';" ^
  "$s.WorkingDirectory='%TARGET%'; $s.Save()" || goto :error
echo 安装完成：桌面上已有“天报”图标。
pause
exit /b 0
:error
echo 安装失败，请把上面的信息发给技术人员。
pause
exit /b 1
