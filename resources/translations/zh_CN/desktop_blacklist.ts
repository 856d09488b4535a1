<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddEntryDialog</name>
    <message>
      <source>11 digits</source>
      <translation>11 位数字</translation>
    </message>
    <message>
      <source>18 characters</source>
      <translation>18 位</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Add to the blacklist</source>
      <translation>加入黑名单</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Enter the ID number, the mobile number or both. The list keeps only a keyed fingerprint of each and the masked form.</source>
      <translation>请输入身份证号、手机号或两者。名单只保存其加密指纹和脱敏形式。</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>What happened (no other personal data)</source>
      <translation>发生了什么（请勿填写其他个人信息）</translation>
    </message>
  </context>
  <context>
    <name>BlacklistDialog</name>
    <message>
      <source>Added to the internal blacklist.</source>
      <translation>已加入内部黑名单。</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <source>Blacklist</source>
      <translation>黑名单</translation>
    </message>
    <message>
      <source>Both lists</source>
      <translation>全部名单</translation>
    </message>
    <message>
      <source>Cancel import</source>
      <translation>取消导入</translation>
    </message>
    <message>
      <source>Cancelling: taking the rows read so far out again…</source>
      <translation>正在取消：撤回已导入的行…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Entries of the earlier list removed: {n}.</source>
      <translation>已移除之前名单的记录：{n} 条。</translation>
    </message>
    <message>
      <source>Import industry list…</source>
      <translation>导入行业名单…</translation>
    </message>
    <message>
      <source>Import the industry blacklist</source>
      <translation>导入行业黑名单</translation>
    </message>
    <message>
      <source>Imported {added} entries of the industry list.</source>
      <translation>已导入行业名单 {added} 条。</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>正在导入 {file}…</translation>
    </message>
    <message>
      <source>Lift…</source>
      <translation>解除…</translation>
    </message>
    <message>
      <source>Lists (*.csv *.xlsx)</source>
      <translation>名单文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
      <source>Repeated rows skipped: {n}.</source>
      <translation>跳过的重复行：{n} 行。</translation>
    </message>
    <message>
      <source>Replace the earlier industry list</source>
      <translation>替换之前的行业名单</translation>
    </message>
    <message>
      <source>Rows that could not be read: {n} ({lines}).</source>
      <translation>无法读取的行：{n} 行（{lines}）。</translation>
    </message>
    <message>
      <source>Search: full ID or mobile number, last digits, or a word of the note</source>
      <translation>搜索：完整身份证号或手机号、尾号，或备注中的文字</translation>
    </message>
    <message>
      <source>Showing the newest {shown} of {total} entries; search to find others.</source>
      <translation>显示最新的 {shown} 条（共 {total} 条）；其他记录请搜索。</translation>
    </message>
    <message>
      <source>The entry is lifted; the reason is in the audit log.</source>
      <translation>该记录已解除，原因已写入审计日志。</translation>
    </message>
    <message>
      <source>The import was cancelled; the earlier list is unchanged.</source>
      <translation>导入已取消，之前的名单保持不变。</translation>
    </message>
    <message>
      <source>The new file becomes the industry list; entries of earlier files go once the new one is in. Internal entries always stay.</source>
      <translation>新文件成为行业名单；新名单导入完成后才移除之前文件的记录。内部记录始终保留。</translation>
    </message>
    <message>
      <source>This entry is no longer on the list.</source>
      <translation>该记录已不在名单中。</translation>
    </message>
    <message>
      <source>Your role may not do this. Ask the manager or the owner.</source>
      <translation>您的角色无权执行此操作，请联系经理或店主。</translation>
    </message>
    <message>
      <source>line {line}: {why}</source>
      <translation>第 {line} 行：{why}</translation>
    </message>
    <message>
      <source>{total} entries</source>
      <translation>共 {total} 条</translation>
    </message>
  </context>
  <context>
    <name>BlacklistModel</name>
    <message>
      <source>Added on</source>
      <translation>添加日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Imported at</source>
      <translation>导入时间</translation>
    </message>
    <message>
      <source>List</source>
      <translation>名单</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>LiftDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Lift</source>
      <translation>解除</translation>
    </message>
    <message>
      <source>Lift a blacklist entry</source>
      <translation>解除黑名单记录</translation>
    </message>
    <message>
      <source>Reason for lifting</source>
      <translation>解除原因</translation>
    </message>
    <message>
      <source>Say why the entry is lifted.</source>
      <translation>请说明解除原因。</translation>
    </message>
    <message>
      <source>e.g. court ruling: the ID was stolen</source>
      <translation>例如：法院判决确认身份证被冒用</translation>
    </message>
    <message>
      <source>{who} is on the {list} ({reason}) since {date}. Once lifted, this person is no longer stopped at reception.</source>
      <translation>{who} 自 {date} 起列入{list}（{reason}）。解除后，此人在接待时不再被拦截。</translation>
    </message>
  </context>
</TS>
