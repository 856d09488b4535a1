<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>BrokenPage</name>
    <message>
      <source>The “{step}” step could not be opened because of an error in the program ({error}). Nothing on this step can be saved. Please tell the person who looks after LoanDesk.</source>
      <translation>由于程序出错（{error}），无法打开“{step}”步骤，此步骤的内容无法保存。请告知负责维护车贷助手的人员。</translation>
    </message>
  </context>
  <context>
    <name>FlowView</name>
    <message>
      <source>Add follow-up…</source>
      <translation>添加跟进…</translation>
    </message>
    <message>
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <source>Ctrl+S</source>
      <translation>Ctrl+S</translation>
    </message>
    <message>
      <source>Lost on {date}: {reason}. Press Reopen if the customer comes back.</source>
      <translation>已于 {date} 流失：{reason}。客户回来时请点击“重新打开”。</translation>
    </message>
    <message>
      <source>Mark lost…</source>
      <translation>标记流失…</translation>
    </message>
    <message>
      <source>Next step »</source>
      <translation>下一步 »</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save and next step »</source>
      <translation>保存并进入下一步 »</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>办理步骤</translation>
    </message>
    <message>
      <source>The customer is back: continue this consultation</source>
      <translation>客户回来了：继续本次咨询</translation>
    </message>
    <message>
      <source>The customer will not go on: record why (price, lender, bought elsewhere…)</source>
      <translation>客户不再继续：记录原因（价格、贷款机构、已在别处购买…）</translation>
    </message>
    <message>
      <source>When to contact this customer again, and why</source>
      <translation>何时再次联系该客户，以及原因</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>未填写原因</translation>
    </message>
    <message>
      <source>{category} — {note}</source>
      <translation>{category}——{note}</translation>
    </message>
    <message>
      <source>« Previous step</source>
      <translation>« 上一步</translation>
    </message>
  </context>
  <context>
    <name>LostDialog</name>
    <message>
      <source>Also put the customer's ID number and mobile on the blacklist (fraud)</source>
      <translation>同时将该客户的身份证号和手机号加入黑名单（欺诈）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose...</source>
      <translation>请选择...</translation>
    </message>
    <message>
      <source>In a few words (required for “Other reason”)</source>
      <translation>简要说明（选择“其他原因”时必填）</translation>
    </message>
    <message>
      <source>Mark lost</source>
      <translation>标记流失</translation>
    </message>
    <message>
      <source>Mark the consultation lost</source>
      <translation>将咨询标记为流失</translation>
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
      <source>Record why the customer will not go on. The owner's report counts the reasons; the consultation can be reopened later.</source>
      <translation>请记录客户不再继续的原因。店主报表会统计这些原因；该咨询以后可以重新打开。</translation>
    </message>
  </context>
</TS>
