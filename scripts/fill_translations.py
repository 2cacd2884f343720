#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fills translations/peft_studio_{ko,zh_CN}.ts from the tables below (run after
`cmake --build build --target update_translations` adds new source strings:
`python3 scripts/fill_translations.py`).
A string missing here stays unfinished in the .ts file and shows in English."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

KO = {
    "PEFT Studio: parameter-efficient fine-tuning of transformer models.": "PEFT Studio: 트랜스포머 모델의 파라미터 효율적 미세 조정.",
    "Open this model folder and select it.": "이 모델 폴더를 열고 선택합니다.",
    "Also scan this folder for models (repeatable).": "이 폴더에서도 모델을 검색합니다(여러 번 지정 가능).",
    "Save a picture of the window once the models are listed, then quit.": "모델 목록이 표시되면 창 그림을 저장하고 종료합니다.",
    "Page to show: model, data, compose, train, runs, export, playground.": "표시할 페이지: model, data, compose, train, runs, export, playground.",
    "Interface language: en, ko, zh_CN.": "인터페이스 언어: en, ko, zh_CN.",
    "DIR": "폴더",
    "FILE": "파일",
    "NAME": "이름",
    "CODE": "코드",
    "Scanning model folders… %1 of %2": "모델 폴더 검색 중… %2개 중 %1개",
    "%n model(s) found": "모델 %n개 발견",
    "&About PEFT Studio": "PEFT Studio 정보(&A)",
    "&Add Models Folder…": "모델 폴더 추가(&A)…",
    "&File": "파일(&F)",
    "&Help": "도움말(&H)",
    "&Language": "언어(&L)",
    "&Open Model Folder…": "모델 폴더 열기(&O)…",
    "&Quit": "종료(&Q)",
    "&Rescan Models": "모델 다시 검색(&R)",
    "&View": "보기(&V)",
    "<b>PEFT Studio</b> %1<br>Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.":
        "<b>PEFT Studio</b> %1<br>트랜스포머 모델의 파라미터 효율적 미세 조정: 어댑터, LoRA, 프리픽스 튜닝 등을 조합하고 학습하고 내보냅니다.",
    "About PEFT Studio": "PEFT Studio 정보",
    "Add Folder…": "폴더 추가…",
    "Add Models Folder": "모델 폴더 추가",
    "Architecture": "아키텍처",
    "Architecture: %1 (model_type %2)": "아키텍처: %1 (model_type %2)",
    "Cannot be fine-tuned as is: %1": "현재 상태로는 미세 조정할 수 없습니다: %1",
    "Cannot fine-tune": "미세 조정 불가",
    "Compare runs, overlay their curves and diff their settings.": "실행을 비교하고, 곡선을 겹쳐 보고, 설정 차이를 확인합니다.",
    "Compose": "구성",
    "Data": "데이터",
    "Drag PEFT modules onto a picture of the transformer block and see their cost before training.":
        "PEFT 모듈을 트랜스포머 블록 그림 위로 끌어다 놓고 학습 전에 비용을 확인합니다.",
    "Dtype": "자료형",
    "Export": "내보내기",
    "Export adapters that Python's PEFT and AdapterHub load as they are, or merged models.":
        "Python의 PEFT와 AdapterHub가 그대로 불러올 수 있는 어댑터나 병합된 모델을 내보냅니다.",
    "Folder: %1": "폴더: %1",
    "Generate text with the base model and the fine-tuned one side by side.": "기본 모델과 미세 조정된 모델로 나란히 텍스트를 생성합니다.",
    "Heads / KV": "헤드 / KV",
    "Layers": "레이어",
    "Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5": "레이어: %1 · 폭 %2 · 헤드 %3 (키/값 %4) · FFN %5",
    "Main Toolbar": "기본 도구 모음",
    "Model": "모델",
    "Models": "모델",
    "No model selected": "선택된 모델 없음",
    "No translation for %1": "%1 번역이 없습니다",
    "Open &Recent": "최근 항목 열기(&R)",
    "Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.":
        "CSV, TSV, JSON, JSONL 또는 텍스트 데이터셋을 열고, 열을 매핑하고, 토큰 길이 통계를 봅니다.",
    "Open Model Folder": "모델 폴더 열기",
    "Open Model…": "모델 열기…",
    "Open a Hugging Face model folder (config.json and safetensors weights)": "Hugging Face 모델 폴더 열기 (config.json과 safetensors 가중치)",
    "PEFT Studio": "PEFT Studio",
    "Parameters": "파라미터",
    "Parameters per component": "구성 요소별 파라미터",
    "Parameters: %1 (computed from config.json)": "파라미터: %1 (config.json으로 계산)",
    "Parameters: %1 (counted in the weights)": "파라미터: %1 (가중치에서 집계)",
    "Playground": "플레이그라운드",
    "Ready": "준비됨",
    "Rescan": "다시 검색",
    "Runs": "실행 기록",
    "Scan another folder for Hugging Face model folders": "다른 폴더에서 Hugging Face 모델 폴더를 검색합니다",
    "Scanning model folders…": "모델 폴더 검색 중…",
    "Select a model above, open a model folder, or add a folder to scan.": "위에서 모델을 선택하거나, 모델 폴더를 열거나, 검색할 폴더를 추가하세요.",
    "Selected %1": "%1 선택됨",
    "Status": "상태",
    "This page comes in a later version of PEFT Studio.": "이 페이지는 PEFT Studio의 이후 버전에서 제공됩니다.",
    "Tokenizer": "토크나이저",
    "Tokenizer: %1": "토크나이저: %1",
    "Train": "학습",
    "Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.":
        "작업 스레드에서 학습하며 손실, 학습률, 그래디언트 노름, 처리량 차트를 실시간으로 봅니다.",
    "Vocabulary: %1 · positions %2": "어휘: %1 · 위치 %2",
    "Weights: %1 · %2": "가중치: %1 · %2",
    "Width": "폭",
    "none": "없음",
}

ZH = {
    "PEFT Studio: parameter-efficient fine-tuning of transformer models.": "PEFT Studio：Transformer 模型的参数高效微调。",
    "Open this model folder and select it.": "打开并选中此模型文件夹。",
    "Also scan this folder for models (repeatable).": "同时在此文件夹中扫描模型（可重复指定）。",
    "Save a picture of the window once the models are listed, then quit.": "列出模型后保存窗口截图，然后退出。",
    "Page to show: model, data, compose, train, runs, export, playground.": "要显示的页面：model、data、compose、train、runs、export、playground。",
    "Interface language: en, ko, zh_CN.": "界面语言：en、ko、zh_CN。",
    "DIR": "目录",
    "FILE": "文件",
    "NAME": "名称",
    "CODE": "代码",
    "Scanning model folders… %1 of %2": "正在扫描模型文件夹… 第 %1 个，共 %2 个",
    "%n model(s) found": "找到 %n 个模型",
    "&About PEFT Studio": "关于 PEFT Studio(&A)",
    "&Add Models Folder…": "添加模型文件夹(&A)…",
    "&File": "文件(&F)",
    "&Help": "帮助(&H)",
    "&Language": "语言(&L)",
    "&Open Model Folder…": "打开模型文件夹(&O)…",
    "&Quit": "退出(&Q)",
    "&Rescan Models": "重新扫描模型(&R)",
    "&View": "视图(&V)",
    "<b>PEFT Studio</b> %1<br>Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.":
        "<b>PEFT Studio</b> %1<br>Transformer 模型的参数高效微调：组合适配器、LoRA、前缀微调等方法，进行训练并导出。",
    "About PEFT Studio": "关于 PEFT Studio",
    "Add Folder…": "添加文件夹…",
    "Add Models Folder": "添加模型文件夹",
    "Architecture": "架构",
    "Architecture: %1 (model_type %2)": "架构：%1（model_type %2）",
    "Cannot be fine-tuned as is: %1": "无法直接微调：%1",
    "Cannot fine-tune": "无法微调",
    "Compare runs, overlay their curves and diff their settings.": "比较各次运行，叠加曲线并对比设置差异。",
    "Compose": "组合",
    "Data": "数据",
    "Drag PEFT modules onto a picture of the transformer block and see their cost before training.":
        "将 PEFT 模块拖放到 Transformer 块的示意图上，在训练前查看其开销。",
    "Dtype": "数据类型",
    "Export": "导出",
    "Export adapters that Python's PEFT and AdapterHub load as they are, or merged models.":
        "导出 Python 的 PEFT 与 AdapterHub 可直接加载的适配器，或合并后的模型。",
    "Folder: %1": "文件夹：%1",
    "Generate text with the base model and the fine-tuned one side by side.": "并排使用基础模型与微调后的模型生成文本。",
    "Heads / KV": "注意力头 / KV",
    "Layers": "层数",
    "Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5": "层数：%1 · 宽度 %2 · 注意力头 %3（键/值 %4）· FFN %5",
    "Main Toolbar": "主工具栏",
    "Model": "模型",
    "Models": "模型",
    "No model selected": "未选择模型",
    "No translation for %1": "没有 %1 的翻译",
    "Open &Recent": "最近打开(&R)",
    "Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.":
        "打开 CSV、TSV、JSON、JSONL 或文本数据集，映射列并查看词元长度统计。",
    "Open Model Folder": "打开模型文件夹",
    "Open Model…": "打开模型…",
    "Open a Hugging Face model folder (config.json and safetensors weights)": "打开 Hugging Face 模型文件夹（config.json 与 safetensors 权重）",
    "PEFT Studio": "PEFT Studio",
    "Parameters": "参数量",
    "Parameters per component": "各组件参数量",
    "Parameters: %1 (computed from config.json)": "参数量：%1（由 config.json 计算）",
    "Parameters: %1 (counted in the weights)": "参数量：%1（从权重中统计）",
    "Playground": "试验场",
    "Ready": "就绪",
    "Rescan": "重新扫描",
    "Runs": "运行记录",
    "Scan another folder for Hugging Face model folders": "在其他文件夹中扫描 Hugging Face 模型文件夹",
    "Scanning model folders…": "正在扫描模型文件夹…",
    "Select a model above, open a model folder, or add a folder to scan.": "请在上方选择模型、打开模型文件夹，或添加要扫描的文件夹。",
    "Selected %1": "已选择 %1",
    "Status": "状态",
    "This page comes in a later version of PEFT Studio.": "此页面将在 PEFT Studio 的后续版本中提供。",
    "Tokenizer": "分词器",
    "Tokenizer: %1": "分词器：%1",
    "Train": "训练",
    "Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.":
        "在工作线程中训练，实时查看损失、学习率、梯度范数与吞吐量图表。",
    "Vocabulary: %1 · positions %2": "词表：%1 · 位置 %2",
    "Weights: %1 · %2": "权重：%1 · %2",
    "Width": "宽度",
    "none": "无",
}

def fill(path, table):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source not in table:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = table[source]
        else:
            translation.text = table[source]
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing

root = Path(__file__).resolve().parent.parent / "translations"
status = 0
for lang, table in (("ko", KO), ("zh_CN", ZH)):
    missing = fill(root / f"peft_studio_{lang}.ts", table)
    for m in missing:
        print(f"{lang}: no translation for {m!r}")
        status = 1
sys.exit(status)
