<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GuidedStartDialog</name>
    <message>
      <source>A copy of the encryption key</source>
      <translation>加密密钥的备份</translation>
    </message>
    <message>
      <source>APR</source>
      <translation>年化利率</translation>
    </message>
    <message>
      <source>Another counter that opens the same database needs this key: install the copy there with {program} key import --from FILE --user NAME.</source>
      <translation>其他打开同一数据库的柜台电脑也需要这个密钥：在那台电脑上用 {program} key import --from 文件 --user 用户名 安装备份。</translation>
    </message>
    <message>
      <source>At least {n} characters. Write it down and keep it apart from the file: the copy cannot be opened without it.</source>
      <translation>至少 {n} 个字符。请记下口令并与备份文件分开保管：没有口令无法打开备份。</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>产品目录</translation>
    </message>
    <message>
      <source>Choose where to save the copy.</source>
      <translation>请选择备份的保存位置。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Correct the fields marked in red.</source>
      <translation>请更正标红的字段。</translation>
    </message>
    <message>
      <source>Customers' ID numbers, phone numbers and incomes are stored encrypted with this computer's key file. Without the key file that data is lost for good, and anyone holding both the database and the key can read it. Make a copy of the key now and keep it somewhere safe and apart from the database backups; the backup command copies the database only.</source>
      <translation>客户的身份证号、手机号和收入用本机的密钥文件加密保存。没有密钥文件，这些数据将永久丢失；同时拿到数据库和密钥的人都能读取这些数据。请现在备份密钥，并与数据库备份分开、妥善保管；备份命令只复制数据库。</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Getting started</source>
      <translation>入门向导</translation>
    </message>
    <message>
      <source>Give every consultant, finance specialist and manager an account of their own: what each one does is recorded under their name. You can add more later (Tools &gt; Staff and stores…).</source>
      <translation>请为每位销售顾问、金融专员和经理各开一个账号：每个人的操作都记在自己名下。之后也可以继续添加（工具 &gt; 员工与门店…）。</translation>
    </message>
    <message>
      <source>Key copies (*.export)</source>
      <translation>密钥备份 (*.export)</translation>
    </message>
    <message>
      <source>Key copy</source>
      <translation>密钥备份</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后再说</translation>
    </message>
    <message>
      <source>Lenders</source>
      <translation>资金方</translation>
    </message>
    <message>
      <source>LoanDesk starts with a sample catalogue: lenders, products, rates and fees that show how it works (names marked 示例 / sample). Only confirm it if it is your store's real offer. If it is not, leave it unconfirmed: every document then carries the "sample data - not an offer" watermark until the catalogue is replaced and confirmed (Tools &gt; Store settings…).</source>
      <translation>车贷助手自带一套样例产品目录：用来演示的资金方、产品、利率和费用（名称标有“示例”）。只有当它确实是本店的正式报价时才确认。否则请不要确认：在目录被替换并确认（工具 &gt; 门店设置…）之前，每份单据都会带有“样例数据，非正式报价”水印。</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Only the owner may copy the key.</source>
      <translation>只有店主可以备份密钥。</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>口令</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Quotes, repayment plans and disclosure sheets carry these lines. Customers call the phone number and use the complaint channel, so enter them as they should read them.</source>
      <translation>报价单、还款计划和信息披露表都会印上这些内容。客户会拨打这个电话、使用这个投诉渠道，请按客户应看到的样子填写。</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>再次输入口令</translation>
    </message>
    <message>
      <source>Save the copy as</source>
      <translation>备份保存为</translation>
    </message>
    <message>
      <source>Save the key copy as</source>
      <translation>密钥备份保存为</translation>
    </message>
    <message>
      <source>Skip for now</source>
      <translation>暂时跳过</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>员工</translation>
    </message>
    <message>
      <source>Store profile</source>
      <translation>门店信息</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>That file already exists; choose another name.</source>
      <translation>该文件已存在，请换一个文件名。</translation>
    </message>
    <message>
      <source>That folder does not exist.</source>
      <translation>该文件夹不存在。</translation>
    </message>
    <message>
      <source>The copy cannot be saved there; choose another file.</source>
      <translation>备份不能保存在那里，请选择其他文件。</translation>
    </message>
    <message>
      <source>The key copy is saved as {path} (fingerprint {fingerprint}). Move it to a USB stick or another safe place now, away from this computer and its backups.</source>
      <translation>密钥备份已保存为 {path}（指纹 {fingerprint}）。请立即把它移到 U 盘或其他安全的地方，与本机及其备份分开存放。</translation>
    </message>
    <message>
      <source>The passphrase needs at least {n} characters.</source>
      <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The product catalogue</source>
      <translation>产品目录</translation>
    </message>
    <message>
      <source>The two passphrases are not the same.</source>
      <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
      <source>This counter's key is not kept in a file; there is nothing to copy.</source>
      <translation>本机的密钥不是保存在文件中，没有可备份的内容。</translation>
    </message>
    <message>
      <source>Write the key copy</source>
      <translation>写入密钥备份</translation>
    </message>
    <message>
      <source>Your staff</source>
      <translation>您的员工</translation>
    </message>
    <message>
      <source>Your store on paper</source>
      <translation>单据上的门店信息</translation>
    </message>
    <message>
      <source>{low}–{high} months</source>
      <translation>{low}–{high} 个月</translation>
    </message>
  </context>
</TS>
