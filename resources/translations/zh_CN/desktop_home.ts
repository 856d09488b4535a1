<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>HomePage</name>
    <message>
      <source>Find a customer</source>
      <translation>查找客户</translation>
    </message>
    <message>
      <source>Follow-up with {name} marked as done.</source>
      <translation>已将 {name} 的回访标记为完成。</translation>
    </message>
    <message>
      <source>Follow-ups: overdue, today and the next 7 days</source>
      <translation>跟进：已逾期、今天及未来 7 天</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <source>Mark as done</source>
      <translation>标记为已完成</translation>
    </message>
    <message>
      <source>Name, mobile number or ID number — press Ctrl+F to search</source>
      <translation>姓名、手机号或身份证号 — 按 Ctrl+F 搜索</translation>
    </message>
    <message>
      <source>New consultation</source>
      <translation>新建咨询</translation>
    </message>
    <message>
      <source>No consultations yet. Press “New consultation” to start one.</source>
      <translation>还没有咨询记录。点击“新建咨询”开始。</translation>
    </message>
    <message>
      <source>No customer found. Check the spelling, or start a new consultation.</source>
      <translation>没有找到客户。请检查输入，或新建咨询。</translation>
    </message>
    <message>
      <source>No follow-ups in the next 7 days.</source>
      <translation>未来 7 天没有待跟进事项。</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Recent consultations</source>
      <translation>最近的咨询</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>正在搜索…</translation>
    </message>
    <message>
      <source>Show full mobile and ID</source>
      <translation>显示完整手机号和身份证号</translation>
    </message>
    <message>
      <source>Shows the selected customer's full details. Each view is recorded.</source>
      <translation>显示所选客户的完整信息，每次查看都会记录在案。</translation>
    </message>
    <message>
      <source>Start with a new customer at reception (Ctrl+N)</source>
      <translation>从接待开始接待一位新客户（Ctrl+N）</translation>
    </message>
    <message>
      <source>Type at least one character and press Enter.</source>
      <translation>请输入至少一个字符后按回车。</translation>
    </message>
    <message>
      <source>{count} customer(s) found. Double-click or press Enter to open.</source>
      <translation>找到 {count} 位客户。双击或按回车打开。</translation>
    </message>
  </context>
</TS>
