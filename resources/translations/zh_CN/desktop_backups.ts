<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>BackupsDialog</name>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Backup made at {when} ({size}) and checked.</source>
      <translation>已于 {when} 完成备份（{size}），校验通过。</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Keep the newest</source>
      <translation>保留最近</translation>
    </message>
    <message>
      <source>LoanDesk makes a checked backup the first time it is closed each day. Backups are kept in {folder}. They can be read only with this computer's key file ({key}): keep a copy of it in a safe place.</source>
      <translation>车贷助手每天第一次关闭时会自动做一份经过校验的备份。备份保存在 {folder}。备份只能配合本机的密钥文件（{key}）读取：请将密钥文件另存一份并妥善保管。</translation>
    </message>
    <message>
      <source>Made at</source>
      <translation>备份时间</translation>
    </message>
    <message>
      <source>No backup yet: the first one is made when LoanDesk is closed today.</source>
      <translation>还没有备份：今天关闭车贷助手时会做第一份。</translation>
    </message>
    <message>
      <source>Not restored: the database is open in LoanDesk for {who}. Close LoanDesk there and try again; nothing was changed.</source>
      <translation>未恢复：{who} 正在车贷助手中使用该数据库。请先在那里关闭车贷助手后再试；未做任何更改。</translation>
    </message>
    <message>
      <source>Only the owner may do this.</source>
      <translation>只有店主可以执行此操作。</translation>
    </message>
    <message>
      <source>Replace the database with the backup of {when}?

Everything saved after {when} is lost, on every counter. Everyone signs in again afterwards.</source>
      <translation>用 {when} 的备份替换当前数据库吗？

{when} 之后保存的所有内容都将丢失（所有柜台电脑都一样）。恢复后所有人需要重新登录。</translation>
    </message>
    <message>
      <source>Restore a backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>恢复…</translation>
    </message>
    <message>
      <source>Restoring the backup of {when}…</source>
      <translation>正在恢复 {when} 的备份…</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Saved. From the next backup on, the newest {last} and the first of each month for {months} months are kept.</source>
      <translation>已保存。从下一次备份起，将保留最近 {last} 份备份以及最近 {months} 个月每月的第一份备份。</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>The backup failed its check and was discarded; the database itself is unchanged. Try again, or check the disk.</source>
      <translation>备份未通过校验，已丢弃；数据库本身没有变化。请重试，或检查磁盘。</translation>
    </message>
    <message>
      <source>The backup was restored, but the database could not be opened again. LoanDesk closes now: start it again.</source>
      <translation>备份已恢复，但数据库未能重新打开。车贷助手现在将关闭，请重新启动。</translation>
    </message>
    <message>
      <source>This backup is damaged and cannot be restored; nothing was changed. Choose another backup.</source>
      <translation>该备份已损坏，无法恢复；未做任何更改。请选择另一份备份。</translation>
    </message>
    <message>
      <source>This backup is no longer in the list; nothing was changed.</source>
      <translation>该备份已不在列表中；未做任何更改。</translation>
    </message>
    <message>
      <source>This backup was made by a newer LoanDesk; nothing was changed. Install that version first.</source>
      <translation>该备份由更新版本的车贷助手制作；未做任何更改。请先安装该版本。</translation>
    </message>
    <message>
      <source>This backup was made with another key file than this computer's; nothing was changed.</source>
      <translation>该备份使用的密钥文件与本机不同；未做任何更改。</translation>
    </message>
    <message>
      <source>This database is on a server, so the server's own backups apply (for PostgreSQL: pg_dump or your provider's backups). LoanDesk makes no backups of it and restores none.</source>
      <translation>该数据库位于服务器上，因此以服务器自身的备份为准（PostgreSQL：pg_dump 或服务商提供的备份）。车贷助手不对其进行备份，也不从此处恢复。</translation>
    </message>
    <message>
      <source>another counter</source>
      <translation>另一台柜台电脑</translation>
    </message>
    <message>
      <source>backups, and the first of each month for</source>
      <translation>份备份，以及每月第一份备份，共</translation>
    </message>
    <message>
      <source>months</source>
      <translation>个月</translation>
    </message>
    <message>
      <source>{size} MB</source>
      <translation>{size} MB</translation>
    </message>
    <message>
      <source>{user} on {host}</source>
      <translation>{host} 上的 {user}</translation>
    </message>
  </context>
</TS>
