<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MainWindow</name>
    <message>
      <source>Backing up the database… (close again to skip today's backup)</source>
      <translation>正在备份数据库…（再次关闭可跳过今天的备份）</translation>
    </message>
    <message>
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
    <message>
      <source>Consultation {number} — {customer}</source>
      <translation>咨询 {number} — {customer}</translation>
    </message>
    <message>
      <source>Follow-up added.</source>
      <translation>已添加跟进。</translation>
    </message>
    <message>
      <source>LoanDesk</source>
      <translation>车贷助手</translation>
    </message>
    <message>
      <source>Marked lost.</source>
      <translation>已标记为流失。</translation>
    </message>
    <message>
      <source>New consultation</source>
      <translation>新建咨询</translation>
    </message>
    <message>
      <source>Not saved: correct the fields marked in red.</source>
      <translation>未保存：请修改红字标出的内容。</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Some fields on this step are not valid, so the step was not saved. The reasons are shown in red. Leave the step anyway?</source>
      <translation>本步骤有些内容不正确，因此没有保存，原因已用红字标出。仍要离开此步骤吗？</translation>
    </message>
    <message>
      <source>This customer has no open consultation. Start a new one?</source>
      <translation>该客户没有进行中的咨询。要新建一个吗？</translation>
    </message>
    <message>
      <source>This mobile number belongs to {name}; the consultation is for them.</source>
      <translation>该手机号属于 {name}，已为该客户新建咨询。</translation>
    </message>
    <message>
      <source>Today's backup could not be made: {reason}

Your data is unchanged. LoanDesk tries again the next time it is closed.</source>
      <translation>今天的备份未能完成：{reason}

您的数据没有变化。车贷助手会在下次关闭时再试。</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
  </context>
</TS>
