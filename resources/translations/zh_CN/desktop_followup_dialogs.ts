<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddFollowUpDialog</name>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Add a follow-up</source>
      <translation>添加跟进</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Say what the follow-up is for.</source>
      <translation>请说明跟进的内容。</translation>
    </message>
    <message>
      <source>What for</source>
      <translation>跟进内容</translation>
    </message>
    <message>
      <source>When to contact {name} again, and why.</source>
      <translation>何时再次联系{name}，以及原因。</translation>
    </message>
    <message>
      <source>e.g. call about the bank's answer</source>
      <translation>例如：致电告知银行审批结果</translation>
    </message>
  </context>
  <context>
    <name>CompleteFollowUpDialog</name>
    <message>
      <source>Follow-up done</source>
      <translation>跟进已完成</translation>
    </message>
    <message>
      <source>Mark as done</source>
      <translation>标记为已完成</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>跟进结果</translation>
    </message>
    <message>
      <source>Say in a few words what came of it.</source>
      <translation>请简要说明跟进结果。</translation>
    </message>
    <message>
      <source>What came of the follow-up with {name}?</source>
      <translation>与{name}的跟进结果如何？</translation>
    </message>
    <message>
      <source>e.g. reached, comes back on Saturday</source>
      <translation>例如：已联系上，周六再来店</translation>
    </message>
  </context>
</TS>
