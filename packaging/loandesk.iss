; Inno Setup script: the LoanDesk installer for Windows counter PCs.
; Build on Windows after `python packaging\build.py` (which makes dist\LoanDesk\):
;     iscc packaging\loandesk.iss        ->  dist\LoanDesk-setup-<version>.exe
; Per-user install (no administrator rights needed) into %LOCALAPPDATA%\Programs\LoanDesk,
; Start-menu and desktop shortcuts.  The uninstaller removes the program only: the
; database (%LOCALAPPDATA%\LoanDesk\data) and the key (%LOCALAPPDATA%\LoanDesk\keys)
; stay unless the user ticks the box that removes them too (after a warning).
; Not run in this repository's CI (it has no Windows machine): see README "Windows".

#define AppName "LoanDesk"
#define AppNameZh "车贷助手"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0C2C2B-3C61-4C39-9B0B-2C1A5E1D0A11}
AppName={#AppName} ({#AppNameZh})
AppVersion={#AppVersion}
AppPublisher=LoanDesk
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename={#AppName}-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\LoanDesk.exe
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\LoanDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameZh} LoanDesk"; Filename: "{app}\LoanDesk.exe"
Name: "{userdesktop}\{#AppNameZh} LoanDesk"; Filename: "{app}\LoanDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\LoanDesk.exe"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
chinesesimplified.RemoveData=同时删除本机的客户数据库和密钥文件？%n%n删除后无法恢复：没有密钥，备份中的身份证号、手机号和收入也无法读取。除非已另行保存备份和密钥，请选择“否”。
english.RemoveData=Also delete this PC's customer database and key file?%n%nThis cannot be undone: without the key, ID numbers, phones and incomes in any backup cannot be read either. Choose No unless you have kept the backups and the key elsewhere.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\LoanDesk\data'), True, True, True);
      DelTree(ExpandConstant('{localappdata}\LoanDesk\keys'), True, True, True);
    end;
end;
