<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>The key file {path} can be read by other users of this computer; make it private with: chmod 600 {path}</source>
      <translation>本机其他用户可以读取密钥文件 {path}；请用以下命令设为仅本人可读：chmod 600 {path}</translation>
    </message>
    <message>
      <source>The result could not be printed: {why}.</source>
      <translation>结果无法输出：{why}。</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>选项 %(option)s 不明确，可能是 %(matches)s</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>至少需要一个值</translation>
    </message>
    <message>
      <source>expected at most one argument</source>
      <translation>最多只能有一个值</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>需要一个值</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>多余的值 %r</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>已中断</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>参数 %s 必须给出其中一个</translation>
    </message>
    <message>
      <source>options</source>
      <translation>选项</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>位置参数</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>缺少以下必填参数：%s</translation>
    </message>
    <message>
      <source>the output's character set ({encoding}) cannot show it; set PYTHONIOENCODING=utf-8</source>
      <translation>输出的字符集（{encoding}）无法显示这些文字；请设置 PYTHONIOENCODING=utf-8</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>无法识别的参数：%s</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>用法：</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>警告</translation>
    </message>
  </context>
</TS>
