<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>OverrideQueueDialog</name>
    <message>
      <source>Appraisers' values more than {limit}% away from the computed value. Until a manager approves or refuses one, no finance plan can be chosen for that consultation.</source>
      <translation>评估师调整后的评估价与计算评估价相差超过 {limit}%。经理批准或驳回前，该咨询不能选择金融方案。</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Approved: consultation {number} may go on with {value}.</source>
      <translation>已批准：咨询 {number} 按 {value} 继续。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>No override is waiting for a manager.</source>
      <translation>目前没有等待经理审批的调整。</translation>
    </message>
    <message>
      <source>Note (required when refusing)</source>
      <translation>备注（驳回时必填）</translation>
    </message>
    <message>
      <source>Open the consultation</source>
      <translation>打开该咨询</translation>
    </message>
    <message>
      <source>Overrides awaiting approval</source>
      <translation>待审批的评估价调整</translation>
    </message>
    <message>
      <source>Refuse</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Refused: consultation {number} goes on with the computed {value}.</source>
      <translation>已驳回：咨询 {number} 按计算评估价 {value} 继续。</translation>
    </message>
    <message>
      <source>Say why the override is refused.</source>
      <translation>请说明驳回的原因。</translation>
    </message>
    <message>
      <source>Someone changed this consultation meanwhile; the list is up to date again, please look once more.</source>
      <translation>此咨询刚被他人修改，列表已刷新，请再看一次。</translation>
    </message>
  </context>
  <context>
    <name>PendingOverridesModel</name>
    <message>
      <source>Appraiser</source>
      <translation>评估师</translation>
    </message>
    <message>
      <source>Appraiser's value</source>
      <translation>评估师调整价</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>差异</translation>
    </message>
    <message>
      <source>Computed value</source>
      <translation>计算评估价</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>车辆</translation>
    </message>
  </context>
</TS>
