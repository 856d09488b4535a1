<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Lender</name>
    <message>
      <source>China Construction Bank</source>
      <translation>中国建设银行</translation>
    </message>
    <message>
      <source>China Merchants Bank</source>
      <translation>招商银行</translation>
    </message>
    <message>
      <source>Consumer finance company (example)</source>
      <translation>消费金融公司（示例）</translation>
    </message>
    <message>
      <source>Dealer partner finance company (example)</source>
      <translation>经销商合作金融机构（示例）</translation>
    </message>
    <message>
      <source>Industrial and Commercial Bank of China</source>
      <translation>中国工商银行</translation>
    </message>
    <message>
      <source>Ping An Auto Finance (example)</source>
      <translation>平安汽车金融（示例）</translation>
    </message>
    <message>
      <source>SAIC-GMAC</source>
      <translation>上汽通用汽车金融</translation>
    </message>
    <message>
      <source>Toyota Motor Finance (China)</source>
      <translation>丰田汽车金融（中国）</translation>
    </message>
    <message>
      <source>Volkswagen Finance (China)</source>
      <translation>大众汽车金融（中国）</translation>
    </message>
    <message>
      <source>WeBank (example)</source>
      <translation>微众银行（示例）</translation>
    </message>
  </context>
</TS>
