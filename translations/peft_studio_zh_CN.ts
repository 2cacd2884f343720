<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="75" />
        <source>Selected %1</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="77" />
        <source>Scanning model folders…</source>
        <translation>正在扫描模型文件夹…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/main_window.cpp" line="79" />
        <source>%n model(s) found</source>
        <translation><numerusform>找到 %n 个模型</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="103" />
        <source>About PEFT Studio</source>
        <translation>关于 PEFT Studio</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="104" />
        <source>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.</source>
        <translation>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Transformer 模型的参数高效微调：组合适配器、LoRA、前缀微调等方法，进行训练并导出。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="155" />
        <source>PEFT Studio</source>
        <translation>PEFT Studio</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="161" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="162" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="163" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="164" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="165" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="166" />
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="167" />
        <source>Open a Hugging Face model folder (config.json and safetensors weights)</source>
        <translation>打开 Hugging Face 模型文件夹（config.json 与 safetensors 权重）</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="168" />
        <source>&amp;Add Models Folder…</source>
        <translation>添加模型文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="169" />
        <source>&amp;Rescan Models</source>
        <translation>重新扫描模型(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="170" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="171" />
        <source>&amp;About PEFT Studio</source>
        <translation>关于 PEFT Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="172" />
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="186" />
        <source>No translation for %1</source>
        <translation>没有 %1 的翻译</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="194" />
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="203" />
        <source>Add Models Folder</source>
        <translation>添加模型文件夹</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="118" />
        <source>Scanning model folders…</source>
        <translation>正在扫描模型文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="117" />
        <source>Reading model %1 of %2…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/model_page.cpp" line="126" />
        <location filename="../ui/widgets/model_page.cpp" line="240" />
        <source>%n model(s) found</source>
        <translation><numerusform>找到 %n 个模型</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="153" />
        <source>No model selected</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="154" />
        <source>Select a model above, open a model folder, or add a folder to scan.</source>
        <translation>请在上方选择模型、打开模型文件夹，或添加要扫描的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="167" />
        <source>Architecture: %1 (model_type %2)</source>
        <translation>架构：%1（model_type %2）</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="169" />
        <source>Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5</source>
        <translation>层数：%1 · 宽度 %2 · 注意力头 %3（键/值 %4）· FFN %5</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="171" />
        <source>Vocabulary: %1 · positions %2</source>
        <translation>词表：%1 · 位置 %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="163" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="172" />
        <source>Parameters: %1 (%2, counted in the weights)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="173" />
        <source>Parameters: %1 (%2, computed from config.json)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/model_page.cpp" line="175" />
        <source>Weights: %1 in %n file(s), %2</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="177" />
        <source>Weights: none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="178" />
        <source>Tokenizer: %1</source>
        <translation>分词器：%1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="180" />
        <source>Found in the Hugging Face cache %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="181" />
        <source>Found in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="182" />
        <source>Opened by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="184" />
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="191" />
        <source>Cannot be fine-tuned as is:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="218" />
        <source>Parameters per component</source>
        <translation>各组件参数量</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="234" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="235" />
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="236" />
        <source>Scan another folder for Hugging Face model folders</source>
        <translation>在其他文件夹中扫描 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="237" />
        <source>Open Model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="238" />
        <source>Open one model folder (config.json and safetensors weights)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="239" />
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
</context>
<context>
    <name>ModelTableModel</name>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="24" />
        <source>embeddings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="25" />
        <source>attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="26" />
        <source>FFN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="27" />
        <source>norms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="28" />
        <source>head</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="29" />
        <source>other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="52" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="53" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="53" />
        <source>Cannot fine-tune</source>
        <translation>无法微调</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="61" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="62" />
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="63" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="64" />
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="65" />
        <source>Heads / KV</source>
        <translation>注意力头 / KV</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="66" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="67" />
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="68" />
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="69" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="33" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="34" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="35" />
        <source>Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.</source>
        <translation>打开 CSV、TSV、JSON、JSONL 或文本数据集，映射列并查看词元长度统计。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="36" />
        <source>Compose</source>
        <translation>组合</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="37" />
        <source>Drag PEFT modules onto a picture of the transformer block and see their cost before training.</source>
        <translation>将 PEFT 模块拖放到 Transformer 块的示意图上，在训练前查看其开销。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="38" />
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="39" />
        <source>Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.</source>
        <translation>在工作线程中训练，实时查看损失、学习率、梯度范数与吞吐量图表。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="40" />
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="40" />
        <source>Compare runs, overlay their curves and diff their settings.</source>
        <translation>比较各次运行，叠加曲线并对比设置差异。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="41" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="42" />
        <source>Export adapters that Python's PEFT and AdapterHub load as they are, or merged models.</source>
        <translation>导出 Python 的 PEFT 与 AdapterHub 可直接加载的适配器，或合并后的模型。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="43" />
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="44" />
        <source>Generate text with the base model and the fine-tuned one side by side.</source>
        <translation>并排使用基础模型与微调后的模型生成文本。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../ui/widgets/placeholder_page.cpp" line="27" />
        <source>This page comes in a later version of PEFT Studio.</source>
        <translation>此页面将在 PEFT Studio 的后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="43" />
        <source>PEFT Studio: parameter-efficient fine-tuning of transformer models.</source>
        <translation>PEFT Studio：Transformer 模型的参数高效微调。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="47" />
        <source>Open this model folder and select it.</source>
        <translation>打开并选中此模型文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="48" />
        <location filename="../ui/main.cpp" line="51" />
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="50" />
        <source>Also scan this folder for models (repeatable).</source>
        <translation>同时在此文件夹中扫描模型（可重复指定）。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="54" />
        <source>Save a picture of the window once the models are listed, then quit.</source>
        <translation>列出模型后保存窗口截图，然后退出。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="55" />
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="58" />
        <source>Page to show: model, data, compose, train, runs, export, playground.</source>
        <translation>要显示的页面：model、data、compose、train、runs、export、playground。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="59" />
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="61" />
        <source>Interface language: en, ko, zh_CN.</source>
        <translation>界面语言：en、ko、zh_CN。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="62" />
        <source>CODE</source>
        <translation>代码</translation>
    </message>
</context>
</TS>