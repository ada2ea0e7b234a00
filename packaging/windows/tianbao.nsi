; Tianbao installer for Windows 10/11 x64: Chinese UI, per user (no administrator rights), start-menu and
; desktop shortcuts, an uninstaller in 设置 > 应用. Built by build.bat from build\dist\tianbao.
Unicode true
!include "MUI2.nsh"
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
Name "天报 报告填报助手"
OutFile "..\..\build\天报-安装程序.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Tianbao"
InstallDirRegKey HKCU "Software\Tianbao" "InstallDir"
SetCompressor /SOLID lzma
!define MUI_ICON "..\..\resources\icons\tianbao.ico"
!define MUI_UNICON "..\..\resources\icons\tianbao.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\tianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即启动天报"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\Tianbao"

Section "天报" SecMain
  SetOutPath "$INSTDIR"
  File /r "..\..\build\dist\tianbao\*.*"
  WriteUninstaller "$INSTDIR\卸载天报.exe"
  CreateDirectory "$SMPROGRAMS\天报"
  CreateShortcut "$SMPROGRAMS\天报\天报.lnk" "$INSTDIR\tianbao.exe"
  CreateShortcut "$SMPROGRAMS\天报\卸载天报.lnk" "$INSTDIR\卸载天报.exe"
  CreateShortcut "$DESKTOP\天报.lnk" "$INSTDIR\tianbao.exe"
  WriteRegStr HKCU "Software\Tianbao" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST}" "DisplayName" "天报 报告填报助手"
  WriteRegStr HKCU "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST}" "DisplayIcon" "$INSTDIR\tianbao.exe"
  WriteRegStr HKCU "${UNINST}" "UninstallString" '"$INSTDIR\卸载天报.exe"'
  WriteRegDWORD HKCU "${UNINST}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; The reports are in %LOCALAPPDATA%\Tianbao\tianbao.db, not here: uninstalling never deletes them.
  Delete "$DESKTOP\天报.lnk"
  RMDir /r "$SMPROGRAMS\天报"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINST}"
  DeleteRegKey HKCU "Software\Tianbao"
SectionEnd
