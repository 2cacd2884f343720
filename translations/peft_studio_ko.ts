<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="75" />
        <source>Selected %1</source>
        <translation>%1 선택됨</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="77" />
        <source>Scanning model folders…</source>
        <translation>모델 폴더 검색 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/main_window.cpp" line="79" />
        <source>%n model(s) found</source>
        <translation><numerusform>모델 %n개 발견</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="103" />
        <source>About PEFT Studio</source>
        <translation>PEFT Studio 정보</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="104" />
        <source>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.</source>
        <translation>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;트랜스포머 모델의 파라미터 효율적 미세 조정: 어댑터, LoRA, 프리픽스 튜닝 등을 조합하고 학습하고 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="155" />
        <source>PEFT Studio</source>
        <translation>PEFT Studio</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="161" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="162" />
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="163" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="164" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="165" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="166" />
        <source>&amp;Open Model Folder…</source>
        <translation>모델 폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="167" />
        <source>Open a Hugging Face model folder (config.json and safetensors weights)</source>
        <translation>Hugging Face 모델 폴더 열기 (config.json과 safetensors 가중치)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="168" />
        <source>&amp;Add Models Folder…</source>
        <translation>모델 폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="169" />
        <source>&amp;Rescan Models</source>
        <translation>모델 다시 검색(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="170" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="171" />
        <source>&amp;About PEFT Studio</source>
        <translation>PEFT Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="172" />
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="186" />
        <source>No translation for %1</source>
        <translation>%1 번역이 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="194" />
        <source>Open Model Folder</source>
        <translation>모델 폴더 열기</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="203" />
        <source>Add Models Folder</source>
        <translation>모델 폴더 추가</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="118" />
        <source>Scanning model folders…</source>
        <translation>모델 폴더 검색 중…</translation>
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
        <translation><numerusform>모델 %n개 발견</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="153" />
        <source>No model selected</source>
        <translation>선택된 모델 없음</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="154" />
        <source>Select a model above, open a model folder, or add a folder to scan.</source>
        <translation>위에서 모델을 선택하거나, 모델 폴더를 열거나, 검색할 폴더를 추가하세요.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="167" />
        <source>Architecture: %1 (model_type %2)</source>
        <translation>아키텍처: %1 (model_type %2)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="169" />
        <source>Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5</source>
        <translation>레이어: %1 · 폭 %2 · 헤드 %3 (키/값 %4) · FFN %5</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="171" />
        <source>Vocabulary: %1 · positions %2</source>
        <translation>어휘: %1 · 위치 %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="163" />
        <source>none</source>
        <translation>없음</translation>
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
        <translation>토크나이저: %1</translation>
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
        <translation>폴더: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="191" />
        <source>Cannot be fine-tuned as is:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="218" />
        <source>Parameters per component</source>
        <translation>구성 요소별 파라미터</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="234" />
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="235" />
        <source>Add Folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="236" />
        <source>Scan another folder for Hugging Face model folders</source>
        <translation>다른 폴더에서 Hugging Face 모델 폴더를 검색합니다</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="237" />
        <source>Open Model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="238" />
        <source>Open one model folder (config.json and safetensors weights)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="239" />
        <source>Rescan</source>
        <translation>다시 검색</translation>
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
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="53" />
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="53" />
        <source>Cannot fine-tune</source>
        <translation>미세 조정 불가</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="61" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="62" />
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="63" />
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="64" />
        <source>Width</source>
        <translation>폭</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="65" />
        <source>Heads / KV</source>
        <translation>헤드 / KV</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="66" />
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="67" />
        <source>Dtype</source>
        <translation>자료형</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="68" />
        <source>Tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="69" />
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="33" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="34" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="35" />
        <source>Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.</source>
        <translation>CSV, TSV, JSON, JSONL 또는 텍스트 데이터셋을 열고, 열을 매핑하고, 토큰 길이 통계를 봅니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="36" />
        <source>Compose</source>
        <translation>구성</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="37" />
        <source>Drag PEFT modules onto a picture of the transformer block and see their cost before training.</source>
        <translation>PEFT 모듈을 트랜스포머 블록 그림 위로 끌어다 놓고 학습 전에 비용을 확인합니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="38" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="39" />
        <source>Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.</source>
        <translation>작업 스레드에서 학습하며 손실, 학습률, 그래디언트 노름, 처리량 차트를 실시간으로 봅니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="40" />
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="40" />
        <source>Compare runs, overlay their curves and diff their settings.</source>
        <translation>실행을 비교하고, 곡선을 겹쳐 보고, 설정 차이를 확인합니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="41" />
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="42" />
        <source>Export adapters that Python's PEFT and AdapterHub load as they are, or merged models.</source>
        <translation>Python의 PEFT와 AdapterHub가 그대로 불러올 수 있는 어댑터나 병합된 모델을 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="43" />
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="44" />
        <source>Generate text with the base model and the fine-tuned one side by side.</source>
        <translation>기본 모델과 미세 조정된 모델로 나란히 텍스트를 생성합니다.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../ui/widgets/placeholder_page.cpp" line="27" />
        <source>This page comes in a later version of PEFT Studio.</source>
        <translation>이 페이지는 PEFT Studio의 이후 버전에서 제공됩니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="43" />
        <source>PEFT Studio: parameter-efficient fine-tuning of transformer models.</source>
        <translation>PEFT Studio: 트랜스포머 모델의 파라미터 효율적 미세 조정.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="47" />
        <source>Open this model folder and select it.</source>
        <translation>이 모델 폴더를 열고 선택합니다.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="48" />
        <location filename="../ui/main.cpp" line="51" />
        <source>DIR</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="50" />
        <source>Also scan this folder for models (repeatable).</source>
        <translation>이 폴더에서도 모델을 검색합니다(여러 번 지정 가능).</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="54" />
        <source>Save a picture of the window once the models are listed, then quit.</source>
        <translation>모델 목록이 표시되면 창 그림을 저장하고 종료합니다.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="55" />
        <source>FILE</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="58" />
        <source>Page to show: model, data, compose, train, runs, export, playground.</source>
        <translation>표시할 페이지: model, data, compose, train, runs, export, playground.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="59" />
        <source>NAME</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="61" />
        <source>Interface language: en, ko, zh_CN.</source>
        <translation>인터페이스 언어: en, ko, zh_CN.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="62" />
        <source>CODE</source>
        <translation>코드</translation>
    </message>
</context>
</TS>