; Inno Setup 6 script: the Windows installer of Packing Tool.
; Built by installer/build.py (which passes the defines below); by hand, after the bundle:
;   iscc /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 installer\packing_tool.iss
; Output: build\installer\PackingTool-<version>-setup.exe
;
; STATION DATA IS NEVER DELETED: settings, logs, offline scans and the demo share live in
; %LOCALAPPDATA%\PackingTool, written by the app, not by this installer. The uninstaller
; removes only what it installed ({app} and the shortcuts), so an uninstall or an upgrade
; keeps every station's data. Do not add that folder to [UninstallDelete].

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 (python installer/build.py does it)
#endif
#ifndef FileVersion
  #define FileVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\build\installer\dist\packing-tool"
#endif
#ifndef OutputDir
  #define OutputDir "..\build\installer"
#endif
#define AppName "Packing Tool"
#define AppExe "PackingTool.exe"

[Setup]
; Fixed for ever: Windows recognises upgrades and the uninstall entry by this id.
AppId={{9E8780BD-FE86-47F8-B219-947E0290CAC7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Packing Tool
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine by default; the dialog lets a user without admin rights install for himself.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=PackingTool-{#AppVersion}-setup
SetupIconFile=..\resources\icons\packing-tool.ico
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; A running Packing Tool is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries whole: no DLL of an older Qt may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The one-folder bundle: PackingTool.exe (window), packing-tool.exe (console commands), _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

; No [UninstallDelete] section on purpose: see the note at the top about station data.
