<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComposeNames</name>
    <message>
        <location filename="../ui/compose/compose_names.cpp" line="+9"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottleneck adapter</source>
        <translation>瓶颈适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IA3</source>
        <translation>IA3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BitFit</source>
        <translation>BitFit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LayerNorm</source>
        <translation>LayerNorm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task head</source>
        <translation>任务头</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low-rank update B·A beside a projection</source>
        <translation>与投影并联的低秩更新 B·A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down-project, nonlinearity, up-project: in line or beside a sub-layer</source>
        <translation>降维投影、非线性、升维投影：串联于子层中或并联于其旁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable keys and values prepended in every attention layer</source>
        <translation>在每个注意力层的键和值之前添加可训练向量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable virtual tokens prepended to the input embeddings</source>
        <translation>在输入嵌入之前添加可训练的虚拟词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A learned vector that rescales a projection</source>
        <translation>对投影进行缩放的可学习向量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the existing biases</source>
        <translation>训练已有的偏置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the existing norm weights</source>
        <translation>训练已有的归一化权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train every existing weight of the site</source>
        <translation>训练该位置的所有已有权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the classification head</source>
        <translation>训练分类头</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoRA (PEFT defaults)</source>
        <translation>LoRA（PEFT 默认值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA on every linear layer</source>
        <translation>所有线性层上的 LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Houlsby adapter</source>
        <translation>Houlsby 适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pfeiffer adapter</source>
        <translation>Pfeiffer 适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel adapter</source>
        <translation>并行适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaled parallel adapter</source>
        <translation>缩放并行适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-head parallel adapter</source>
        <translation>多头并行适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix tuning</source>
        <translation>前缀微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt tuning</source>
        <translation>提示微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IA3 (PEFT defaults)</source>
        <translation>IA3（PEFT 默认值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BitFit (all biases)</source>
        <translation>BitFit（全部偏置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LayerNorm tuning</source>
        <translation>LayerNorm 微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-k layers</source>
        <translation>顶部 k 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAM adapter</source>
        <translation>MAM 适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UniPELT</source>
        <translation>UniPELT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention norm</source>
        <translation>注意力归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN norm</source>
        <translation>FFN 归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final norm</source>
        <translation>最终归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fused q·k·v (c_attn)</source>
        <translation>融合的 q·k·v（c_attn）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys/values (prefix)</source>
        <translation>键/值（前缀）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention heads</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention output</source>
        <translation>注意力输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN output</source>
        <translation>FFN 输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pooler</source>
        <translation>池化层</translation>
    </message>
</context>
<context>
    <name>DataNames</name>
    <message>
        <location filename="../ui/data/data_names.cpp" line="+7"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair classification</source>
        <translation>句对分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions (Alpaca)</source>
        <translation>指令（Alpaca）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations (ShareGPT)</source>
        <translation>对话（ShareGPT）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat messages</source>
        <translation>聊天消息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One text and a label per row: sequence classification.</source>
        <translation>每行一段文本和一个标签：序列分类。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two texts and a label per row: sentence-pair classification (entailment, paraphrase).</source>
        <translation>每行两段文本和一个标签：句对分类（蕴含、复述）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text for causal language modelling, packed into blocks.</source>
        <translation>用于因果语言建模的纯文本，打包成块。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instruction, optional input and output per record; the loss covers the output only.</source>
        <translation>每条记录包含指令、可选输入和输出；损失只计算输出部分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of turns {from, value} per record; the loss covers the assistant turns only.</source>
        <translation>每条记录是一个 {from, value} 轮次列表；损失只计算助手的轮次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of {role, content} messages per record; the loss covers the assistant turns only.</source>
        <translation>每条记录是一个 {role, content} 消息列表；损失只计算助手的轮次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Second text</source>
        <translation>第二段文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="+51"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.</source>
        <translation>打开 CSV、TSV、JSON、JSONL 或文本数据集，映射列并查看词元长度统计。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose</source>
        <translation>组合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag PEFT modules onto a picture of the transformer block and see their cost before training.</source>
        <translation>将 PEFT 模块拖放到 Transformer 块的示意图上，在训练前查看其开销。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.</source>
        <translation>在工作线程中训练，实时查看损失、学习率、梯度范数与吞吐量图表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare runs, overlay their curves and diff their settings.</source>
        <translation>比较各次运行，叠加曲线并对比设置差异。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export adapters that Python&apos;s PEFT and AdapterHub load as they are, or merged models.</source>
        <translation>导出 Python 的 PEFT 与 AdapterHub 可直接加载的适配器，或合并后的模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate text with the base model and the fine-tuned one side by side.</source>
        <translation>并排使用基础模型与微调后的模型生成文本。</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../ui/widgets/project_controller.cpp" line="+36"/>
        <source>PEFT Studio projects (*.%1)</source>
        <translation>PEFT Studio 项目 (*.%1)</translation>
    </message>
</context>
<context>
    <name>TrainingRequest</name>
    <message>
        <location filename="../app/core/training_request.cpp" line="+18"/>
        <source>Select a model on the Model page first.</source>
        <translation>请先在模型页选择模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a dataset on the Data page first.</source>
        <translation>请先在数据页打开数据集。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose a recipe on the Compose page first (for example the LoRA preset).</source>
        <translation>请先在组合页组合配方（例如 LoRA 预设）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+181"/>
        <source>Parameter-efficient fine-tuning studio</source>
        <translation>参数高效微调工作室</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open and select this model folder.</source>
        <translation>打开并选中此模型文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also scan this folder for models (repeatable).</source>
        <translation>同时在此文件夹中扫描模型（可重复指定）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window once the models are listed, then quit.</source>
        <translation>列出模型后保存窗口截图，然后退出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this recipe (JSON) on the Compose page.</source>
        <translation>在组合页面中打开此配方（JSON）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this dataset (CSV, TSV, JSON, JSONL or text) on the Data page.</source>
        <translation>在数据页面中打开此数据集（CSV、TSV、JSON、JSONL 或文本）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the demo: a tiny Llama with sentiment and fables datasets, built on this computer the first time (about a minute), nothing downloaded.</source>
        <translation>打开演示：一个附带情感和寓言数据集的微型 Llama，首次在本机构建（约一分钟），无需下载任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Once the model, data and recipe are in, train them for N steps on the Train page (with --screenshot: the picture is taken when the run ends).</source>
        <translation>模型、数据和配方就绪后，在训练页训练 N 步（配合 --screenshot：在运行结束时截图）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open this project file (created when missing) instead of the last one.</source>
        <translation>打开此项目文件（不存在时自动创建），而不是上次的项目。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --train-steps and --screenshot: take the picture once the run passes step N.</source>
        <translation>配合 --train-steps 和 --screenshot：运行超过第 N 步时截图。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --train-steps: CPU threads for the run.</source>
        <translation>配合 --train-steps：运行使用的 CPU 线程数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: steps between checkpoints.</source>
        <translation>配合 --train-steps：检查点之间的步数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: the folder runs write to.</source>
        <translation>配合 --train-steps：运行写入的文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: the evaluation file.</source>
        <translation>与 --train-steps 一起使用：评估文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Runs page&apos;s tab to show: curves, budget or compare (the two newest runs).</source>
        <translation>运行记录页要显示的标签页：curves、budget 或 compare（最新的两个运行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the Export page with the project&apos;s run NAME chosen (--page export alone chooses the most recently finished run).</source>
        <translation>显示导出页面并选中项目中名为 NAME 的运行(仅用 --page export 时选中最近完成的运行)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No translation for &apos;%1&apos;; use en, ko or zh_CN.</source>
        <translation>没有“%1”的翻译；请使用 en、ko 或 zh_CN。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown page &apos;%1&apos;; use model, data, compose, train, runs, export or playground.</source>
        <translation>未知页面“%1”；请使用 model、data、compose、train、runs、export 或 playground。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a model folder: it has no config.json.</source>
        <translation>%1 不是模型文件夹：其中没有 config.json。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--train-steps needs a positive number of steps.</source>
        <translation>--train-steps 需要正的步数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown Runs tab &apos;%1&apos;; use curves, budget or compare.</source>
        <translation>未知的运行记录标签页“%1”；请使用 curves、budget 或 compare。</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Page to show: model, data, compose, train, runs, export, playground.</source>
        <translation>要显示的页面：model、data、compose、train、runs、export、playground。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The project has no run named &apos;%1&apos;.</source>
        <translation>项目中没有名为 &apos;%1&apos; 的运行。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Interface language: en, ko, zh_CN.</source>
        <translation>界面语言：en、ko、zh_CN。</translation>
    </message>
</context>
<context>
    <name>peft::DemoBanner</name>
    <message>
        <location filename="../ui/widgets/demo_banner.cpp" line="+46"/>
        <source>Writing the demo&apos;s story corpus…</source>
        <translation>正在生成演示故事语料…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning the demo&apos;s tokenizer…</source>
        <translation>正在学习演示分词器…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pretraining the tiny Llama…</source>
        <translation>正在预训练微型 Llama…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretraining the tiny Llama: step %1 of %2, loss %3</source>
        <translation>正在预训练微型 Llama：第 %1 / %2 步，损失 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the demo model…</source>
        <translation>正在保存演示模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the demo datasets…</source>
        <translation>正在写入演示数据集…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the demo…</source>
        <translation>正在打开演示…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this note</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo:</source>
        <translation>演示：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo loaded.</source>
        <translation>演示已加载。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A tiny Llama pretrained on this computer (held-out loss %1 → %2 in %3 steps), with sentiment and fables datasets. Nothing was downloaded.</source>
        <translation>在本机预训练的微型 Llama（%3 步，留出集损失 %1 → %2），附带情感和寓言数据集。未下载任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo could not be built:</source>
        <translation>无法构建演示：</translation>
    </message>
</context>
<context>
    <name>peft::DemoController</name>
    <message>
        <location filename="../ui/widgets/demo_controller.cpp" line="+30"/>
        <source>The demo could not be built: %1</source>
        <translation>无法构建演示：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo cancelled; nothing was kept.</source>
        <translation>已取消演示，未保留任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing the demo…</source>
        <translation>正在准备演示…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Demo opened from %1</source>
        <translation>已从 %1 打开演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Demo built in %1</source>
        <translation>演示已构建于 %1</translation>
    </message>
</context>
<context>
    <name>peft::MainWindow</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="+73"/>
        <source>Run %1 (%2) has no checkpoint to export: only finished or cancelled runs do.</source>
        <translation>运行 %1(%2)没有可导出的检查点:只有已完成或已取消的运行才有。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Selected %1</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scanning model folders…</source>
        <translation>正在扫描模型文件夹…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n model(s) found</source>
        <translation>
            <numerusform>找到 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About PEFT Studio</source>
        <translation>关于 PEFT Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.</source>
        <translation>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Transformer 模型的参数高效微调：组合适配器、LoRA、前缀微调等方法，进行训练并导出。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEFT Studio</source>
        <translation>PEFT Studio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEFT Studio — Demo</source>
        <translation>PEFT Studio — 演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent Model</source>
        <translation>打开最近的模型(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Recent &amp;Project</source>
        <translation>打开最近的项目(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty project file: its recipes, runs and metrics are kept in it</source>
        <translation>新建一个空项目文件：其配方、运行和指标都保存在其中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the project, with every run and metric, to a new file and continue there</source>
        <translation>将项目连同所有运行和指标复制到新文件，并在新文件中继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Hugging Face model folder (config.json and safetensors weights)</source>
        <translation>打开 Hugging Face 模型文件夹（config.json 与 safetensors 权重）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Models Folder…</source>
        <translation>添加模型文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rescan Models</source>
        <translation>重新扫描模型(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Dataset…</source>
        <translation>打开数据集(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a CSV, TSV, JSON, JSONL or text dataset on the Data page</source>
        <translation>在数据页面中打开 CSV、TSV、JSON、JSONL 或文本数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recipe…</source>
        <translation>打开配方(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Recipe As…</source>
        <translation>配方另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About PEFT Studio</source>
        <translation>关于 PEFT Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;Demo</source>
        <translation>加载演示(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets</source>
        <translation>构建（仅首次，约一分钟）或打开演示：附带情感和寓言数据集的微型 Llama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No translation for %1</source>
        <translation>没有 %1 的翻译</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add Models Folder</source>
        <translation>添加模型文件夹</translation>
    </message>
</context>
<context>
    <name>peft::ModelPage</name>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="+123"/>
        <source>Scanning model folders…</source>
        <translation>正在扫描模型文件夹…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reading model %1 of %2…</source>
        <translation>正在读取模型 %1/%2…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <location line="+138"/>
        <source>%n model(s) found</source>
        <translation>
            <numerusform>找到 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location line="-102"/>
        <source>No model selected</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a model above, open a model folder, or add a folder to scan.</source>
        <translation>请在上方选择模型、打开模型文件夹，或添加要扫描的文件夹。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Architecture: %1 (model_type %2)</source>
        <translation>架构：%1（model_type %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5</source>
        <translation>层数：%1 · 宽度 %2 · 注意力头 %3（键/值 %4）· FFN %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary: %1 · positions %2</source>
        <translation>词表：%1 · 位置 %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pretrained on this computer from generated stories, nothing downloaded: small enough to fine-tune in seconds.</source>
        <translation>在本机用生成的故事预训练，未下载任何内容；小到几秒即可微调。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parameters: unknown</source>
        <translation>参数：未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters: %1 (%2, counted in the weights)</source>
        <translation>参数：%1（%2，按权重统计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters: %1 (%2, computed from config.json)</source>
        <translation>参数：%1（%2，由 config.json 计算）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights: %1 · %2 · weight files: %3</source>
        <translation>权重：%1 · %2 · 权重文件 %3 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights: none</source>
        <translation>权重：无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer: %1</source>
        <translation>分词器：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built by the studio&apos;s demo mode</source>
        <translation>由工作室的演示模式构建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found in the Hugging Face cache %1</source>
        <translation>位于 Hugging Face 缓存 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found in %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened by hand</source>
        <translation>手动打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot be fine-tuned as is:</source>
        <translation>无法直接微调：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Parameters per component</source>
        <translation>各组件参数量</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan another folder for Hugging Face model folders</source>
        <translation>在其他文件夹中扫描 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open one model folder (config.json and safetensors weights)</source>
        <translation>打开一个模型文件夹（config.json 和 safetensors 权重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Demo</source>
        <translation>加载演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets</source>
        <translation>构建（仅首次，约一分钟）或打开演示：附带情感和寓言数据集的微型 Llama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>peft::ModelTableModel</name>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="+30"/>
        <source>Demo · tiny Llama</source>
        <translation>演示 · 微型 Llama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN</source>
        <translation>FFN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>norms</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The studio&apos;s demo model, pretrained on this computer from generated stories: %1</source>
        <translation>工作室的演示模型，在本机用生成的故事预训练：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot fine-tune</source>
        <translation>无法微调</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready (demo)</source>
        <translation>就绪（演示）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heads / KV</source>
        <translation>注意力头 / KV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>peft::PlaceholderPage</name>
    <message>
        <location filename="../ui/widgets/placeholder_page.cpp" line="+27"/>
        <source>This page comes in a later version of PEFT Studio.</source>
        <translation>此页面将在 PEFT Studio 的后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>peft::ProjectController</name>
    <message numerus="yes">
        <location filename="../ui/widgets/project_controller.cpp" line="+41"/>
        <source>%n run(s) were interrupted when the studio or the command line stopped; resume them on the Runs page.</source>
        <translation>
            <numerusform>工作室或命令行停止时有 %n 次运行被中断；请在运行记录页继续这些运行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened project %1</source>
        <translation>已打开项目 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project saved as %1</source>
        <translation>项目已另存为 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The run&apos;s configuration is missing from the project; it cannot be resumed.</source>
        <translation>项目中缺少此运行的配置，无法继续。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot Resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No checkpoint of this run is left on disk, so it cannot continue where it stopped. Start it again from the Train page.</source>
        <translation>磁盘上已没有此运行的检查点，因此无法从停止处继续。请在训练页重新开始。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A run is already training; stop it before resuming another.</source>
        <translation>已有运行正在训练；请先停止它，再继续其他运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resuming %1 from step %2</source>
        <translation>正在从第 %2 步继续 %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+4"/>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>%1 cannot be replaced.</source>
        <translation>无法替换 %1。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Open or create a project first (File menu): queued runs are kept in it.</source>
        <translation>请先打开或创建项目（文件菜单）：排队的运行保存在项目中。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed since a run used them: %1</source>
        <translation>运行使用后已更改：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files of this project: %1</source>
        <translation>本项目的文件：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Resume Run</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A run is training; stop it before resuming another.</source>
        <translation>有运行正在训练；请先停止它，再继续其他运行。</translation>
    </message>
</context>
<context>
    <name>peft::compose::BlockScene</name>
    <message>
        <location filename="../ui/compose/block_scene.cpp" line="+136"/>
        <source>Select a model on the Model page to compose its PEFT modules.</source>
        <translation>请在模型页面选择模型，以组合其 PEFT 模块。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>attaches to no site</source>
        <translation>没有可附加的位置</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Composition: %1</source>
        <translation>组合方式：%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Residual add</source>
        <translation>残差相加</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 × %2 block (post-norm)</source>
        <translation>%1 × %2 块（后归一化）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 × %2 block</source>
        <translation>%1 × %2 块</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 cannot attach anywhere in this model.</source>
        <translation>%1 无法附加到此模型的任何位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot attach to %2; it attaches to: %3.</source>
        <translation>%1 无法附加到 %2；可附加的位置：%3。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+18"/>
        <source>Drop %1 onto one of the lit sites.</source>
        <translation>请将 %1 放到高亮的位置之一。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Drop to add the %1 preset&apos;s modules.</source>
        <translation>放下即可添加 %1 预设的模块。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop to attach %1 to %2.</source>
        <translation>放下即可将 %1 附加到 %2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot attach to %2.</source>
        <translation>%1 无法附加到 %2。</translation>
    </message>
</context>
<context>
    <name>peft::compose::ComposePage</name>
    <message>
        <location filename="../ui/compose/compose_page.cpp" line="+125"/>
        <source>Site %1: press Enter or Insert to add %2 here.</source>
        <translation>位置 %1：按 Enter 或 Insert 在此添加 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site %1: choose a module in the palette, then press Enter or Insert.</source>
        <translation>位置 %1：请在面板中选择模块，然后按 Enter 或 Insert。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a module or preset in the palette first.</source>
        <translation>请先在面板中选择模块或预设。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a site first (arrow keys).</source>
        <translation>请先选择位置（方向键）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot compose for %1: %2</source>
        <translation>无法为 %1 组合：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a model on the Model page first.</source>
        <translation>请先在模型页面选择模型。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Add preset %1</source>
        <translation>添加预设 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add %1 at %2</source>
        <translation>在 %2 添加 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the recipe: %1</source>
        <translation>无法打开配方：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the recipe: %1</source>
        <translation>无法保存配方：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Recipe</source>
        <translation>打开配方</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Recipes (*.json)</source>
        <translation>配方 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save Recipe</source>
        <translation>保存配方</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Compose</source>
        <translation>组合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Palette</source>
        <translation>面板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a module onto a lit site of the block, or select a site and press Enter</source>
        <translation>将模块拖到块中高亮的位置，或选择位置后按 Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>开销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Recipe…</source>
        <translation>打开配方…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Recipe…</source>
        <translation>保存配方…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 — %2, %n layer(s), hidden size %3</source>
        <translation>
            <numerusform>%1 — %2，%n 层，隐藏维度 %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model selected</source>
        <translation>未选择模型</translation>
    </message>
</context>
<context>
    <name>peft::compose::FiguresPanel</name>
    <message>
        <location filename="../ui/compose/figures_panel.cpp" line="+75"/>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trainable parameters: —</source>
        <translation>可训练参数：—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters: — the recipe does not apply: %1</source>
        <translation>可训练参数：— 配方无法应用：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training memory: —</source>
        <translation>训练内存：—</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable parameters: &lt;b&gt;%1&lt;/b&gt; of %2 (%3%)</source>
        <translation>可训练参数：&lt;b&gt;%1&lt;/b&gt; / %2（%3%）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training memory: &lt;b&gt;%1&lt;/b&gt; (weights %2, gradients %3, AdamW %4, activations %5)</source>
        <translation>训练内存：&lt;b&gt;%1&lt;/b&gt;（权重 %2，梯度 %3，AdamW %4，激活 %5）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Trainable parameters per module</source>
        <translation>各模块可训练参数</translation>
    </message>
</context>
<context>
    <name>peft::compose::ModulePalette</name>
    <message>
        <location filename="../ui/compose/module_palette.cpp" line="+60"/>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expands into its modules; drop anywhere on the block</source>
        <translation>展开为其各个模块；可放在块上任意位置</translation>
    </message>
</context>
<context>
    <name>peft::compose::ModuleProperties</name>
    <message>
        <location filename="../ui/compose/module_properties.cpp" line="+123"/>
        <source>Layers: write block numbers or ranges, e.g. 0-2, 4 (empty: every block).</source>
        <translation>层：请填写块编号或范围，例如 0-2, 4（留空表示所有块）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sites</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEFT targets</source>
        <translation>PEFT 目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insertion</source>
        <translation>插入方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composition</source>
        <translation>组合方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank / size</source>
        <translation>秩 / 大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduction factor</source>
        <translation>缩减系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonlinearity</source>
        <translation>非线性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter norm</source>
        <translation>适配器归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reparam. hidden</source>
        <translation>重参数化隐藏维度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parallel</source>
        <translation>并行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sequential</source>
        <translation>串行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add</source>
        <translation>相加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>scaled</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learned scalar</source>
        <translation>可学习标量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learned per channel</source>
        <translation>逐通道可学习</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gated</source>
        <translation>门控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on the input</source>
        <translation>作用于输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on the output</source>
        <translation>作用于输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every site it can attach to</source>
        <translation>所有可附加的位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles (q, v, ffn_out, …), site names or all, separated by commas</source>
        <translation>角色（q、v、ffn_out…）、位置名称或 all，用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every block</source>
        <translation>所有块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block numbers or ranges, e.g. 0-2, 4; negative numbers count from the end</source>
        <translation>块编号或范围，例如 0-2, 4；负数表示从末尾倒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (use size)</source>
        <translation>关闭（使用大小）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this module (Delete)</source>
        <translation>移除此模块（Delete）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a module in the picture to edit it, or drag one from the palette onto a lit site.</source>
        <translation>在图中选择模块进行编辑，或从面板将模块拖到高亮的位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Block %1</source>
        <translation>块 %1</translation>
    </message>
</context>
<context>
    <name>peft::datapage::ColumnMappingEditor</name>
    <message>
        <location filename="../ui/data/column_mapping_editor.cpp" line="+69"/>
        <source>Open a dataset to map its columns.</source>
        <translation>打开数据集后即可映射其列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A plain text file is one column of text: nothing to map.</source>
        <translation>纯文本文件只有一列文本，无需映射。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (optional):</source>
        <translation>%1（可选）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>peft::datapage::DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+149"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.csv *.tsv *.tab *.json *.jsonl *.ndjson *.txt *.md *.text);;All files (*)</source>
        <translation>数据集 (*.csv *.tsv *.tab *.json *.jsonl *.ndjson *.txt *.md *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No dataset open. Open a CSV, TSV, JSON, JSONL or text file, or drop one here.</source>
        <translation>尚未打开数据集。请打开 CSV、TSV、JSON、JSONL 或文本文件，或将文件拖放到此处。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln non-blank line(s)</source>
        <translation>
            <numerusform>%Ln 个非空行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first %1 rows indexed</source>
        <translation>仅索引了前 %1 行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 with a header</source>
        <translation>%1，有表头</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 without a header</source>
        <translation>%1，无表头</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Dataset…</source>
        <translation>打开数据集…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a CSV, TSV, JSON, JSONL or text file (or drop one on this page)</source>
        <translation>打开 CSV、TSV、JSON、JSONL 或文本文件（也可拖放到此页面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Detected: %1</source>
        <translation>检测结果：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detected: %1 (changed by you)</source>
        <translation>检测结果：%1（已由您更改）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Detection looked at the first %n record(s): %1</source>
        <translation>
            <numerusform>检测依据前 %n 条记录：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detected when a file is opened.</source>
        <translation>打开文件时自动检测。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row errors</source>
        <translation>行错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row errors (checking…)</source>
        <translation>行错误（检查中…）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row errors (%1)</source>
        <translation>行错误（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token lengths</source>
        <translation>词元长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label balance</source>
        <translation>标签分布</translation>
    </message>
</context>
<context>
    <name>peft::datapage::LabelBalanceChart</name>
    <message>
        <location filename="../ui/data/label_balance_chart.cpp" line="+32"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No statistics yet</source>
        <translation>尚无统计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This format has no labels</source>
        <translation>此格式没有标签</translation>
    </message>
</context>
<context>
    <name>peft::datapage::LengthHistogram</name>
    <message>
        <location filename="../ui/data/length_histogram.cpp" line="+32"/>
        <source>Tokens per document</source>
        <translation>每个文档的词元数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens per example</source>
        <translation>每个样本的词元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rows</source>
        <translation>没有行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No statistics yet</source>
        <translation>尚无统计</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>block size %1</source>
        <translation>块大小 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max length %1</source>
        <translation>最大长度 %1</translation>
    </message>
</context>
<context>
    <name>peft::datapage::RowErrorList</name>
    <message>
        <location filename="../ui/data/row_error_list.cpp" line="+35"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
Click to show the row.</source>
        <translation>%1
单击以显示该行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No malformed rows.</source>
        <translation>没有格式错误的行。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>peft::datapage::StatisticsPanel</name>
    <message>
        <location filename="../ui/data/statistics_panel.cpp" line="+95"/>
        <source>Select a model on the Model page: its tokenizer counts the tokens.</source>
        <translation>请在模型页面选择模型：将用它的分词器统计词元。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting tokens…</source>
        <translation>正在统计词元…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dataset to see its statistics.</source>
        <translation>打开数据集后即可查看统计。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No statistics: %1</source>
        <translation>无统计：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Documents: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>文档：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>样本：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped rows: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>跳过的行：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longer than a block: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>超过一个块：&lt;b&gt;%1&lt;/b&gt;（%2%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truncated: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>被截断：&lt;b&gt;%1&lt;/b&gt;（%2%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens per row: min %1 · mean %2 · max %3</source>
        <translation>每行词元：最少 %1 · 平均 %2 · 最多 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens kept: %1</source>
        <translation>保留的词元：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens with loss: %1 (%2%)</source>
        <translation>计算损失的词元：%1（%2%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;i&gt;Updating…&lt;/i&gt;</source>
        <translation>&lt;i&gt;正在更新…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no model selected</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Block size:</source>
        <translation>块大小：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max length:</source>
        <translation>最大长度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per training block; longer documents continue in the next block.</source>
        <translation>每个训练块的词元数；更长的文档会延续到下一个块。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples longer than this many tokens are truncated.</source>
        <translation>超过此词元数的样本会被截断。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents:</source>
        <translation>文档划分：</translation>
    </message>
</context>
<context>
    <name>peft::exportpage::ExportPage</name>
    <message>
        <location filename="../ui/export/export_page.cpp" line="+51"/>
        <location line="+63"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Write a trained adapter where other tools load it. Every export is reloaded and checked against the trained model before it is moved into place.</source>
        <translation>将训练好的适配器写成其他工具可加载的形式。每次导出在移入目标位置之前，都会重新加载并与训练好的模型进行核对。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+110"/>
        <source>(no project run; pick a folder below)</source>
        <translation>（没有项目运行；请在下方选择文件夹）</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A checkpoint folder (weights.safetensors) or a run folder (run.json)</source>
        <translation>检查点文件夹（weights.safetensors）或运行文件夹（run.json）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Or folder:</source>
        <translation>或文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+198"/>
        <source>Choose a run or a checkpoint folder.</source>
        <translation>请选择运行或检查点文件夹。</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace an existing export in this folder</source>
        <translation>替换此文件夹中已有的导出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Run %1 cannot be exported (%2): only finished or cancelled runs have a checkpoint to export. Resume an interrupted run on the Runs page first.</source>
        <translation>无法导出运行 %1(%2):只有已完成或已取消的运行才有可导出的检查点。请先在运行页面继续被中断的运行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking for the run&apos;s checkpoints…</source>
        <translation>正在查找运行的检查点…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot export from here: %1</source>
        <translation>无法从此处导出：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checkpoint %1
Recipe %2 on %3</source>
        <translation>检查点 %1
%3 上的配方 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Choose a checkpoint, an available format and an output folder first.</source>
        <translation>请先选择检查点、可用的格式和输出文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting %1 and checking it by reloading…</source>
        <translation>正在导出 %1 并重新加载进行核对…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export failed; nothing was written.
%1</source>
        <translation>导出失败，未写入任何内容。
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1 to %2
Files: %3
Verified by reloading: largest logit difference %4 (tolerance 1e-4)</source>
        <translation>已将 %1 导出到 %2
文件：%3
已通过重新加载验证：最大 logit 差异 %4（容差 1e-4）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checkpoint or run folder</source>
        <translation>检查点或运行文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEFT adapter</source>
        <translation>PEFT 适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdapterHub adapter</source>
        <translation>AdapterHub 适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged model</source>
        <translation>合并后的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio adapter</source>
        <translation>工作室适配器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>adapter_config.json + adapter_model.safetensors, for PeftModel.from_pretrained</source>
        <translation>adapter_config.json + adapter_model.safetensors，供 PeftModel.from_pretrained 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>adapter_config.json + adapter.safetensors (+ head files), for the adapters library&apos;s load_adapter</source>
        <translation>adapter_config.json + adapter.safetensors（+ 输出头文件），供 adapters 库的 load_adapter 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a Hugging Face model folder with the adapter folded into the weights</source>
        <translation>将适配器合并进权重的 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the recipe and its tensors, for any recipe; loads in the studio and CLI</source>
        <translation>配方及其张量，适用于任何配方；可在工作室和 CLI 中加载</translation>
    </message>
</context>
<context>
    <name>peft::runs::BudgetScatter</name>
    <message>
        <location filename="../ui/runs/budget_scatter.cpp" line="+75"/>
        <source>Parameter budget vs metric</source>
        <translation>参数预算与指标</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(no method)</source>
        <translation>（无方法）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>best so far</source>
        <translation>目前最佳</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Hover a point for its run</source>
        <translation>将鼠标悬停在点上可查看其运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (lower is better)</source>
        <translation> （越低越好）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs appear here once they have been evaluated</source>
        <translation>运行经过评估后会显示在这里</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2)
%3 trainable (%4 of %5)
best: %6 at step %7</source>
        <translation>%1（%2）
可训练 %3（%4 / %5）
最佳：第 %7 步 %6</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainable parameters (% of the model, log scale)</source>
        <translation>可训练参数（占模型的 %，对数坐标）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export image…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plotted runs as CSV</source>
        <translation>将绘制的运行保存为 CSV</translation>
    </message>
</context>
<context>
    <name>peft::runs::ConfigDiffView</name>
    <message>
        <location filename="../ui/runs/config_diff_view.cpp" line="+127"/>
        <source>Two runs are needed for a comparison</source>
        <translation>比较需要两次运行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading the configurations…</source>
        <translation>正在加载配置…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+43"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The same run on both sides</source>
        <translation>两侧是同一次运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n setting(s) differ</source>
        <translation>
            <numerusform>%n 项设置不同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n setting(s) in all</source>
        <translation>
            <numerusform>共 %n 项设置</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run A:</source>
        <translation>运行 A：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run B:</source>
        <translation>运行 B：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only differences</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the settings both runs share</source>
        <translation>隐藏两次运行相同的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run A</source>
        <translation>运行 A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run B</source>
        <translation>运行 B</translation>
    </message>
</context>
<context>
    <name>peft::runs::PlotExport</name>
    <message>
        <location filename="../ui/runs/plot_export.cpp" line="+48"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Export Points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunFormat</name>
    <message>
        <location filename="../ui/runs/run_format.cpp" line="+14"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ppl %1</source>
        <translation>ppl %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy %1 %</source>
        <translation>准确率 %1 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunOverlayChart</name>
    <message>
        <location filename="../ui/runs/run_overlay_chart.cpp" line="+106"/>
        <source>Run curves</source>
        <translation>运行曲线</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+115"/>
        <source>Check runs in the table to draw their curves</source>
        <translation>在表格中勾选运行即可绘制其曲线</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input tokens</source>
        <translation>输入词元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation loss</source>
        <translation>评估损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accuracy (%) / perplexity</source>
        <translation>准确率（%）/ 困惑度</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1
%2: %3
%4: %5</source>
        <translation>%1
%2：%3
%4：%5</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation loss</source>
        <translation>评估损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation metric</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation metric: accuracy for classification runs, perplexity for language-model runs</source>
        <translation>评估指标：分类运行为准确率，语言模型运行为困惑度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align by:</source>
        <translation>对齐方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch: steps × examples per step ÷ training examples. Tokens: input tokens seen so far.</source>
        <translation>轮：步数 × 每步样本数 ÷ 训练样本数。词元：目前已处理的输入词元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential moving average over the training loss</source>
        <translation>对训练损失做指数移动平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic value axis</source>
        <translation>对数数值轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the chart to the curves (or double-click it). Drag to pan, scroll to zoom.</source>
        <translation>让图表适应曲线（或双击图表）。拖动平移，滚轮缩放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export image…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every point of the drawn curves as CSV</source>
        <translation>将所绘曲线的每个点保存为 CSV</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunsPage</name>
    <message>
        <location filename="../ui/runs/runs_page.cpp" line="+317"/>
        <source>Only a finished or cancelled run has a checkpoint to export</source>
        <translation>只有已完成或已取消的运行才有可导出的检查点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the selected run&apos;s adapter on the Export page (PEFT, AdapterHub, merged or studio)</source>
        <translation>在导出页面导出所选运行的适配器(PEFT、AdapterHub、合并模型或工作室格式)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n 个已中断</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw all</source>
        <translation>全部绘制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every run: draw all their curves</source>
        <translation>勾选所有运行：绘制它们的全部曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw recent</source>
        <translation>绘制最近的运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Check the %n most recent run(s) only</source>
        <translation>
            <numerusform>仅勾选最近的 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the selected interrupted or cancelled run from its last checkpoint</source>
        <translation>从最后一个检查点继续所选的已中断或已取消的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget vs metric</source>
        <translation>预算与指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare configs</source>
        <translation>比较配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each run&apos;s share of trainable parameters against its best evaluation, as in the PEFT papers</source>
        <translation>像 PEFT 论文中那样，展示每次运行的可训练参数占比与其最佳评估结果的关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings of two runs side by side (select two rows to compare them)</source>
        <translation>并排显示两次运行的设置（选择两行即可比较）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open or create a project to keep its runs. Runs you train are recorded in the project with their settings and every metric point, and appear here for comparison.</source>
        <translation>打开或创建项目以保存其运行。您训练的运行会连同设置和每个指标点记录在项目中，并显示在这里供比较。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs you train appear here. Start one on the Train page: the project keeps its settings, every metric point and its checkpoints, so you can compare runs and resume interrupted ones.</source>
        <translation>您训练的运行会显示在这里。请在训练页开始一次运行：项目会保存其设置、每个指标点和检查点，便于比较运行并继续已中断的运行。</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunsTableModel</name>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="+119"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Draw this run&apos;s curves</source>
        <translation>绘制此运行的曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Folder: %2</source>
        <translation>%1
文件夹：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not known before the run&apos;s setup</source>
        <translation>运行准备完成前未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 parameters trainable</source>
        <translation>%2 个参数中 %1 个可训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No evaluation yet</source>
        <translation>尚未评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best evaluation at step %1</source>
        <translation>最佳评估在第 %1 步</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checked runs are drawn on the Curves tab</source>
        <translation>勾选的运行会绘制在“曲线”选项卡中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best metric</source>
        <translation>最佳指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
</context>
<context>
    <name>peft::train::HyperparameterForm</name>
    <message>
        <location filename="../ui/train/hyperparameter_form.cpp" line="+89"/>
        <source>Evaluation File</source>
        <translation>评估文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.csv *.tsv *.json *.jsonl *.txt);;All files (*)</source>
        <translation>数据集 (*.csv *.tsv *.json *.jsonl *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs Folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accumulation:</source>
        <translation>梯度累积：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warmup:</source>
        <translation>预热：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule:</source>
        <translation>调度：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluate every:</source>
        <translation>评估间隔：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkpoint every:</source>
        <translation>检查点间隔：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads:</source>
        <translation>线程：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluation file:</source>
        <translation>评估文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Runs folder:</source>
        <translation>运行文件夹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak learning rate of AdamW. Adapters and LoRA take higher rates than full fine-tuning: about 3e-3 for tiny models, 1e-3 for small ones, 2e-4 for 7B models.</source>
        <translation>AdamW 的峰值学习率。适配器和 LoRA 的学习率高于全量微调：极小模型约 3e-3，小模型 1e-3，7B 模型 2e-4。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By epochs</source>
        <translation>按轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer steps to train. 0 trains for the number of epochs instead.</source>
        <translation>要训练的优化器步数。为 0 时按轮数训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training set; used when Steps is 0.</source>
        <translation>遍历训练集的次数；步数为 0 时使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples per micro-batch. Lower it when memory runs out and raise Accumulation instead.</source>
        <translation>每个微批次的样本数。内存不足时调小，并相应调大梯度累积。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micro-batches per optimizer step (gradient accumulation): the effective batch is batch size × accumulation.</source>
        <translation>每个优化器步的微批次数（梯度累积）：有效批大小为 批大小 × 累积。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the steps over which the learning rate rises linearly from 0; 6 % is common.</source>
        <translation>学习率从 0 线性上升所占步数的比例；常用 6 %。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear decay</source>
        <translation>线性衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine decay</source>
        <translation>余弦衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate falls after the warmup: linearly or along a half cosine to 0, or not at all.</source>
        <translation>预热之后学习率如何下降：线性或按半余弦降到 0，或者不下降。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>At the end</source>
        <translation>仅在最后</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Steps between evaluations on the evaluation file. 0 evaluates once, at the end.</source>
        <translation>在评估文件上评估的步数间隔。为 0 时只在最后评估一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps between checkpoints. A run that is stopped, or a studio that crashes, resumes from the last one; 0 saves only at the end.</source>
        <translation>检查点之间的步数。被停止的运行或崩溃的工作室会从最后一个检查点继续；为 0 时只在最后保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One seed for the data order, new weights and dropout: the same seed repeats a run exactly.</source>
        <translation>数据顺序、新权重和 dropout 共用一个种子：相同的种子可精确重现一次运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads for the tensor maths. More threads train faster but leave fewer for the rest of the computer.</source>
        <translation>张量计算使用的 CPU 线程。线程越多训练越快，但留给电脑其他任务的越少。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a held-out file in the same format</source>
        <translation>可选：相同格式的留出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A held-out dataset in the training file&apos;s format; without one there is no evaluation.</source>
        <translation>与训练文件格式相同的留出数据集；没有则不评估。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the evaluation file</source>
        <translation>选择评估文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each run writes its configuration, checkpoints and results to a folder of its own here.</source>
        <translation>每次运行会在这里的独立文件夹中写入配置、检查点和结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the runs folder</source>
        <translation>选择运行文件夹</translation>
    </message>
</context>
<context>
    <name>peft::train::TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+124"/>
        <source>Checkpoint of step %1 saved in %2</source>
        <translation>第 %1 步的检查点已保存到 %2</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The dataset is still opening on the Data page; start again in a moment.</source>
        <translation>数据页仍在打开数据集，请稍后再开始。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run %1: %2 on %3</source>
        <translation>运行 %1：在 %3 上训练 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing to %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Queued run %1. Train it headless with: %2</source>
        <translation>已将运行 %1 加入队列。无界面训练命令：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resuming run %1 from step %2 (%3)</source>
        <translation>正在从第 %2 步继续运行 %1（%3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+102"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping after the current step…</source>
        <translation>当前步完成后停止…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 training and %2 evaluation examples; %3 of %4 parameters trainable (%5 %); %6 steps on %7; set up in %8 s</source>
        <translation>训练样本 %1 个，评估样本 %2 个；%4 个参数中 %3 个可训练（%5 %）；在 %7 上训练 %6 步；准备用时 %8 秒</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n row(s) of the dataset could not be used and were skipped</source>
        <translation>
            <numerusform>数据集中有 %n 行无法使用，已跳过</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No evaluation file: the run is not evaluated (set one in the form).</source>
        <translation>没有评估文件：本次运行不做评估（可在设置中指定）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The loss at step %1 is more than four times the first one: the learning rate may be too high</source>
        <translation>第 %1 步的损失超过最初的四倍：学习率可能过高</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evaluation at step %1: loss %2, accuracy %3, F1 %4</source>
        <translation>第 %1 步评估：损失 %2，准确率 %3，F1 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluation at step %1: loss %2, perplexity %3</source>
        <translation>第 %1 步评估：损失 %2，困惑度 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped at step %1; the last completed step is saved</source>
        <translation>已在第 %1 步停止；已保存最后完成的一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training stopped at step %1</source>
        <translation>训练已在第 %1 步停止</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Finished: %n step(s)</source>
        <translation>
            <numerusform>完成：%n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Training finished: %n step(s)</source>
        <translation>
            <numerusform>训练完成：%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+85"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 steps</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished in %1</source>
        <translation>用时 %1 完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ETA: measuring…</source>
        <translation>剩余时间：测量中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 tok/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data: none open</source>
        <translation>数据：未打开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data: %1 (%2)</source>
        <translation>数据：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recipe: %n module(s)</source>
        <translation>
            <numerusform>配方：%n 个模块</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the Compose page&apos;s recipe on the Data page&apos;s dataset with these settings</source>
        <translation>按这些设置，用数据页的数据集训练组合页的配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause before the next micro-batch; the run keeps its place</source>
        <translation>在下一个微批次之前暂停；运行保留当前位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue for Command Line</source>
        <translation>加入命令行队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this run into the project without training it here: run it with &apos;peft-studio-cli project run&apos;, on this or a bigger machine; this window shows its progress</source>
        <translation>将此运行放入项目而不在此处训练：在本机或更强的机器上用“peft-studio-cli project run”运行它；此窗口会显示其进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run; a checkpoint of the last completed step is saved</source>
        <translation>停止运行；保存最后完成一步的检查点</translation>
    </message>
</context>
<context>
    <name>peft::train::TrainingCharts</name>
    <message>
        <location filename="../ui/train/training_charts.cpp" line="+144"/>
        <location line="+214"/>
        <source>trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+214"/>
        <source>Shown when the run has loaded its model</source>
        <translation>运行加载模型后显示</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+7"/>
        <source>Export Charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Training charts</source>
        <translation>训练图表</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Export Metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per second</source>
        <translation>每秒词元数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable parameters per module</source>
        <translation>各模块的可训练参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential moving average over the curves; the raw values stay as a faint line.</source>
        <translation>对曲线做指数移动平均；原始值以浅色线保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic value axis for the loss and gradient-norm charts.</source>
        <translation>损失和梯度范数图表使用对数数值轴。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit every chart to its data and follow the run again (or double-click a chart). Drag to pan, scroll to zoom.</source>
        <translation>让所有图表适应其数据并重新跟随运行（或双击图表）。拖动平移，滚轮缩放。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the charts as one picture: PNG, or SVG (vectors)</source>
        <translation>将图表保存为一张图片：PNG 或 SVG（矢量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every step&apos;s metrics and every evaluation as CSV</source>
        <translation>把每一步的指标和每次评估保存为 CSV</translation>
    </message>
</context>
</TS>
