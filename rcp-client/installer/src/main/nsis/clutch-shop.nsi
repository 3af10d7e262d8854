; The shop desktop's Windows installer (NSIS 3). Installs per machine into Program Files, adds Start menu and
; desktop shortcuts and an uninstaller. The shop's data (database, device settings, logs, backups) lives in
; ProgramData\Clutch Shop, apart from the program, so reinstalling, updating or uninstalling never touches it.
; The build defines VERSION, WINDOWS_VERSION (four numbers), PRODUCT_DIR (the materialized win32 product), ICON
; and OUTFILE.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"

!define PRODUCT "Clutch shop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ClutchShop"
!define SETTINGS_KEY "Software\Clutch\Shop"
; BUILTIN\Users by its well-known SID, which is the same in every Windows language
!define USERS_SID "*S-1-5-32-545"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Clutch Shop"
InstallDirRegKey HKLM "${SETTINGS_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${WINDOWS_VERSION}"
VIFileVersion "${WINDOWS_VERSION}"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "CompanyName" "Clutch"
VIAddVersionKey "LegalCopyright" "Clutch"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\clutch-shop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${PRODUCT} now"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "The program is removed. The shop's data in ProgramData\Clutch Shop (database, device settings, backups) is kept."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${PRODUCT} needs 64-bit Windows 10 or 11." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "${PRODUCT}" Program
  SectionIn RO
  ; a reinstall or an upgrade replaces the program as a whole, so no bundle of an older version lingers
  RMDir /r "$INSTDIR\plugins"
  RMDir /r "$INSTDIR\features"
  RMDir /r "$INSTDIR\p2"
  RMDir /r "$INSTDIR\configuration"
  SetOutPath "$INSTDIR"
  File /r "${PRODUCT_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; the shop's data: staff sign in to Windows as ordinary users, who must be able to write it; the program
  ; folder too, so that the desktop can update itself without an administrator
  CreateDirectory "$APPDATA\Clutch Shop"
  CreateDirectory "$APPDATA\Clutch Shop\cache"
  CreateDirectory "$APPDATA\Clutch Shop\devices"
  nsExec::ExecToLog 'icacls "$APPDATA\Clutch Shop" /grant ${USERS_SID}:(OI)(CI)M /T /Q'
  Pop $0
  nsExec::ExecToLog 'icacls "$INSTDIR" /grant ${USERS_SID}:(OI)(CI)M /T /Q'
  Pop $0

  CreateDirectory "$SMPROGRAMS\Clutch Shop"
  CreateShortcut "$SMPROGRAMS\Clutch Shop\${PRODUCT}.lnk" "$INSTDIR\clutch-shop.exe"
  CreateShortcut "$SMPROGRAMS\Clutch Shop\Uninstall ${PRODUCT}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\clutch-shop.exe"

  WriteRegStr HKLM "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${SETTINGS_KEY}" "DataDir" "$APPDATA\Clutch Shop"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Clutch"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\clutch-shop.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  Call WarnWithoutJava
SectionEnd

; The desktop runs on Java 21 or later, which the installer does not bring (no Windows runtime can be had from the
; registries the build reaches). Looks where Java installers register themselves, and says what to install.
Function WarnWithoutJava
  ReadEnvStr $0 JAVA_HOME
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\bin\javaw.exe"
    Return
  ${EndIf}
  Push "SOFTWARE\JavaSoft\JDK"
  Call HasJava21
  Pop $0
  ${If} $0 == 1
    Return
  ${EndIf}
  Push "SOFTWARE\JavaSoft\JRE"
  Call HasJava21
  Pop $0
  ${If} $0 == 1
    Return
  ${EndIf}
  Push "SOFTWARE\Eclipse Adoptium\JDK"
  Call HasJava21
  Pop $0
  ${If} $0 == 1
    Return
  ${EndIf}
  Push "SOFTWARE\Eclipse Adoptium\JRE"
  Call HasJava21
  Pop $0
  ${If} $0 == 1
    Return
  ${EndIf}
  Push "SOFTWARE\Microsoft\JDK"
  Call HasJava21
  Pop $0
  ${If} $0 == 1
    Return
  ${EndIf}
  MessageBox MB_ICONINFORMATION "${PRODUCT} needs Java 21 or later (64-bit), and none was found on this computer.$\r$\n$\r$\nInstall Eclipse Temurin 21 for Windows x64 from adoptium.net (choose 'Set JAVA_HOME' in its installer), then start ${PRODUCT}." /SD IDOK
FunctionEnd

; Pushes 1 when the registry key on the stack has a subkey whose major version is 21 or more (keys are versions
; such as "21", "21.0.2" or "21.0.2.13-hotspot"), else 0.
Function HasJava21
  Exch $R0
  Push $R1
  Push $R2
  Push $R3
  StrCpy $R1 0
  StrCpy $R3 0
  ${Do}
    EnumRegKey $R2 HKLM "$R0" $R1
    ${If} $R2 == ""
      ${Break}
    ${EndIf}
    ${WordFind} "$R2" "." "+1" $R2
    IntOp $R2 $R2 + 0
    ${If} $R2 >= 21
      StrCpy $R3 1
      ${Break}
    ${EndIf}
    IntOp $R1 $R1 + 1
  ${Loop}
  StrCpy $R0 $R3
  Pop $R3
  Pop $R2
  Pop $R1
  Exch $R0
FunctionEnd

Section "Uninstall"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  RMDir /r "$SMPROGRAMS\Clutch Shop"
  ; only what the installer put there: a folder chosen by hand may hold other things
  RMDir /r "$INSTDIR\plugins"
  RMDir /r "$INSTDIR\features"
  RMDir /r "$INSTDIR\p2"
  RMDir /r "$INSTDIR\configuration"
  Delete "$INSTDIR\clutch-shop.exe"
  Delete "$INSTDIR\artifacts.xml"
  Delete "$INSTDIR\eclipse.ini"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${SETTINGS_KEY}"
  DetailPrint "The shop's data is kept in $APPDATA\Clutch Shop."
SectionEnd
