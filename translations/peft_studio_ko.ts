<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
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
        <translation>병목 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>프리픽스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt</source>
        <translation>프롬프트</translation>
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
        <translation>고정 해제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task head</source>
        <translation>작업 헤드</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low-rank update B·A beside a projection</source>
        <translation>프로젝션 옆에 붙는 저랭크 업데이트 B·A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down-project, nonlinearity, up-project: in line or beside a sub-layer</source>
        <translation>축소 투영, 비선형 함수, 확대 투영: 하위 층 안에 직렬로 또는 옆에 병렬로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable keys and values prepended in every attention layer</source>
        <translation>모든 어텐션 층의 키와 값 앞에 붙는 학습 가능한 벡터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable virtual tokens prepended to the input embeddings</source>
        <translation>입력 임베딩 앞에 붙는 학습 가능한 가상 토큰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A learned vector that rescales a projection</source>
        <translation>프로젝션의 크기를 조정하는 학습된 벡터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the existing biases</source>
        <translation>기존 편향을 학습합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the existing norm weights</source>
        <translation>기존 정규화 가중치를 학습합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train every existing weight of the site</source>
        <translation>이 위치의 모든 기존 가중치를 학습합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the classification head</source>
        <translation>분류 헤드를 학습합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoRA (PEFT defaults)</source>
        <translation>LoRA (PEFT 기본값)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA on every linear layer</source>
        <translation>모든 선형 층의 LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Houlsby adapter</source>
        <translation>Houlsby 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pfeiffer adapter</source>
        <translation>Pfeiffer 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel adapter</source>
        <translation>병렬 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaled parallel adapter</source>
        <translation>스케일 병렬 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-head parallel adapter</source>
        <translation>멀티헤드 병렬 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix tuning</source>
        <translation>프리픽스 튜닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt tuning</source>
        <translation>프롬프트 튜닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IA3 (PEFT defaults)</source>
        <translation>IA3 (PEFT 기본값)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BitFit (all biases)</source>
        <translation>BitFit (모든 편향)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LayerNorm tuning</source>
        <translation>LayerNorm 튜닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-k layers</source>
        <translation>상위 k개 층</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full fine-tuning</source>
        <translation>전체 미세 조정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAM adapter</source>
        <translation>MAM 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UniPELT</source>
        <translation>UniPELT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention norm</source>
        <translation>어텐션 정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN norm</source>
        <translation>FFN 정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final norm</source>
        <translation>최종 정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fused q·k·v (c_attn)</source>
        <translation>결합된 q·k·v (c_attn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys/values (prefix)</source>
        <translation>키/값 (프리픽스)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention heads</source>
        <translation>어텐션 헤드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention output</source>
        <translation>어텐션 출력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN output</source>
        <translation>FFN 출력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pooler</source>
        <translation>풀러</translation>
    </message>
</context>
<context>
    <name>DataNames</name>
    <message>
        <location filename="../ui/data/data_names.cpp" line="+7"/>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair classification</source>
        <translation>문장 쌍 분류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions (Alpaca)</source>
        <translation>지시문 (Alpaca)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations (ShareGPT)</source>
        <translation>대화 (ShareGPT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat messages</source>
        <translation>채팅 메시지</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One text and a label per row: sequence classification.</source>
        <translation>행마다 텍스트 하나와 레이블: 시퀀스 분류.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two texts and a label per row: sentence-pair classification (entailment, paraphrase).</source>
        <translation>행마다 텍스트 두 개와 레이블: 문장 쌍 분류(함의, 패러프레이즈).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text for causal language modelling, packed into blocks.</source>
        <translation>인과 언어 모델링용 일반 텍스트로, 블록 단위로 묶습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instruction, optional input and output per record; the loss covers the output only.</source>
        <translation>레코드마다 지시문, 선택적 입력, 출력이 있으며 손실은 출력에만 적용됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of turns {from, value} per record; the loss covers the assistant turns only.</source>
        <translation>레코드마다 {from, value} 턴 목록이 있으며 손실은 어시스턴트 턴에만 적용됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of {role, content} messages per record; the loss covers the assistant turns only.</source>
        <translation>레코드마다 {role, content} 메시지 목록이 있으며 손실은 어시스턴트 턴에만 적용됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Second text</source>
        <translation>두 번째 텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruction</source>
        <translation>지시문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole file</source>
        <translation>파일 전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs</source>
        <translation>문단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>줄</translation>
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
        <translation>모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open CSV, TSV, JSON, JSONL or text datasets, map their columns and see token-length statistics.</source>
        <translation>CSV, TSV, JSON, JSONL 또는 텍스트 데이터셋을 열고, 열을 매핑하고, 토큰 길이 통계를 봅니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose</source>
        <translation>구성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag PEFT modules onto a picture of the transformer block and see their cost before training.</source>
        <translation>PEFT 모듈을 트랜스포머 블록 그림 위로 끌어다 놓고 학습 전에 비용을 확인합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train in a worker thread with live loss, learning-rate, gradient-norm and throughput charts.</source>
        <translation>작업 스레드에서 학습하며 손실, 학습률, 그래디언트 노름, 처리량 차트를 실시간으로 봅니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare runs, overlay their curves and diff their settings.</source>
        <translation>실행을 비교하고, 곡선을 겹쳐 보고, 설정 차이를 확인합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export adapters that Python&apos;s PEFT and AdapterHub load as they are, or merged models.</source>
        <translation>Python의 PEFT와 AdapterHub가 그대로 불러올 수 있는 어댑터나 병합된 모델을 내보냅니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate text with the base model and the fine-tuned one side by side.</source>
        <translation>기본 모델과 미세 조정된 모델로 나란히 텍스트를 생성합니다.</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../ui/widgets/project_controller.cpp" line="+36"/>
        <source>PEFT Studio projects (*.%1)</source>
        <translation>PEFT Studio 프로젝트 (*.%1)</translation>
    </message>
</context>
<context>
    <name>TrainingRequest</name>
    <message>
        <location filename="../app/core/training_request.cpp" line="+18"/>
        <source>Select a model on the Model page first.</source>
        <translation>먼저 모델 페이지에서 모델을 선택하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a dataset on the Data page first.</source>
        <translation>먼저 데이터 페이지에서 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose a recipe on the Compose page first (for example the LoRA preset).</source>
        <translation>먼저 구성 페이지에서 레시피를 구성하세요 (예: LoRA 프리셋).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+181"/>
        <source>Parameter-efficient fine-tuning studio</source>
        <translation>파라미터 효율적 미세 조정 스튜디오</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open and select this model folder.</source>
        <translation>이 모델 폴더를 열고 선택합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also scan this folder for models (repeatable).</source>
        <translation>이 폴더에서도 모델을 검색합니다(여러 번 지정 가능).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window once the models are listed, then quit.</source>
        <translation>모델 목록이 표시되면 창 그림을 저장하고 종료합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this recipe (JSON) on the Compose page.</source>
        <translation>이 레시피(JSON)를 구성 페이지에서 엽니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this dataset (CSV, TSV, JSON, JSONL or text) on the Data page.</source>
        <translation>이 데이터셋(CSV, TSV, JSON, JSONL 또는 텍스트)을 데이터 페이지에서 엽니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the demo: a tiny Llama with sentiment and fables datasets, built on this computer the first time (about a minute), nothing downloaded.</source>
        <translation>데모를 엽니다: 감성 및 우화 데이터셋이 포함된 작은 Llama로, 처음 한 번 이 컴퓨터에서 만들어지며(약 1분) 아무것도 내려받지 않습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Once the model, data and recipe are in, train them for N steps on the Train page (with --screenshot: the picture is taken when the run ends).</source>
        <translation>모델, 데이터, 레시피가 준비되면 학습 페이지에서 N단계 학습합니다 (--screenshot과 함께 쓰면 실행이 끝날 때 그림을 찍습니다).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open this project file (created when missing) instead of the last one.</source>
        <translation>마지막 프로젝트 대신 이 프로젝트 파일을 엽니다(없으면 새로 만듭니다).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --train-steps and --screenshot: take the picture once the run passes step N.</source>
        <translation>--train-steps 및 --screenshot과 함께: 실행이 N단계를 지나면 그림을 찍습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --train-steps: CPU threads for the run.</source>
        <translation>--train-steps와 함께: 실행에 쓸 CPU 스레드 수.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: steps between checkpoints.</source>
        <translation>--train-steps와 함께: 체크포인트 사이의 단계 수.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: the folder runs write to.</source>
        <translation>--train-steps와 함께: 실행 결과를 기록할 폴더.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --train-steps: the evaluation file.</source>
        <translation>--train-steps와 함께: 평가 파일.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Runs page&apos;s tab to show: curves, budget or compare (the two newest runs).</source>
        <translation>실행 기록 페이지에서 보여 줄 탭: curves, budget 또는 compare(가장 최근 실행 두 개).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the Export page with the project&apos;s run NAME chosen (--page export alone chooses the most recently finished run).</source>
        <translation>프로젝트의 NAME 실행을 선택한 상태로 내보내기 페이지를 표시합니다(--page export만 쓰면 가장 최근에 끝난 실행을 선택합니다).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No translation for &apos;%1&apos;; use en, ko or zh_CN.</source>
        <translation>&apos;%1&apos; 번역이 없습니다. en, ko 또는 zh_CN을 사용하세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown page &apos;%1&apos;; use model, data, compose, train, runs, export or playground.</source>
        <translation>알 수 없는 페이지 &apos;%1&apos;입니다. model, data, compose, train, runs, export 또는 playground를 사용하세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a model folder: it has no config.json.</source>
        <translation>%1은(는) 모델 폴더가 아닙니다: config.json이 없습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not a file.</source>
        <translation>%1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--train-steps needs a positive number of steps.</source>
        <translation>--train-steps에는 양의 단계 수가 필요합니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown Runs tab &apos;%1&apos;; use curves, budget or compare.</source>
        <translation>알 수 없는 실행 기록 탭 &apos;%1&apos;: curves, budget 또는 compare를 쓰세요.</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Page to show: model, data, compose, train, runs, export, playground.</source>
        <translation>표시할 페이지: model, data, compose, train, runs, export, playground.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The project has no run named &apos;%1&apos;.</source>
        <translation>프로젝트에 &apos;%1&apos;(이)라는 실행이 없습니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Interface language: en, ko, zh_CN.</source>
        <translation>인터페이스 언어: en, ko, zh_CN.</translation>
    </message>
</context>
<context>
    <name>peft::DemoBanner</name>
    <message>
        <location filename="../ui/widgets/demo_banner.cpp" line="+46"/>
        <source>Writing the demo&apos;s story corpus…</source>
        <translation>데모 이야기 말뭉치를 쓰는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning the demo&apos;s tokenizer…</source>
        <translation>데모 토크나이저를 학습하는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pretraining the tiny Llama…</source>
        <translation>작은 Llama를 사전 학습하는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretraining the tiny Llama: step %1 of %2, loss %3</source>
        <translation>작은 Llama 사전 학습 중: %2단계 중 %1단계, 손실 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the demo model…</source>
        <translation>데모 모델을 저장하는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the demo datasets…</source>
        <translation>데모 데이터셋을 쓰는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the demo…</source>
        <translation>데모를 여는 중…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this note</source>
        <translation>이 안내 숨기기</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo:</source>
        <translation>데모:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo loaded.</source>
        <translation>데모를 불러왔습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A tiny Llama pretrained on this computer (held-out loss %1 → %2 in %3 steps), with sentiment and fables datasets. Nothing was downloaded.</source>
        <translation>이 컴퓨터에서 사전 학습한 작은 Llama(%3단계, 검증 손실 %1 → %2)와 감성·우화 데이터셋입니다. 아무것도 내려받지 않았습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo could not be built:</source>
        <translation>데모를 만들 수 없습니다:</translation>
    </message>
</context>
<context>
    <name>peft::DemoController</name>
    <message>
        <location filename="../ui/widgets/demo_controller.cpp" line="+30"/>
        <source>The demo could not be built: %1</source>
        <translation>데모를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo cancelled; nothing was kept.</source>
        <translation>데모를 취소했습니다. 아무것도 남기지 않았습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing the demo…</source>
        <translation>데모를 준비하는 중…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Demo opened from %1</source>
        <translation>%1에서 데모를 열었습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Demo built in %1</source>
        <translation>%1에 데모를 만들었습니다</translation>
    </message>
</context>
<context>
    <name>peft::MainWindow</name>
    <message>
        <location filename="../ui/widgets/main_window.cpp" line="+73"/>
        <source>Run %1 (%2) has no checkpoint to export: only finished or cancelled runs do.</source>
        <translation>실행 %1(%2)에는 내보낼 체크포인트가 없습니다. 완료되었거나 취소된 실행에만 있습니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Selected %1</source>
        <translation>%1 선택됨</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scanning model folders…</source>
        <translation>모델 폴더 검색 중…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n model(s) found</source>
        <translation>
            <numerusform>모델 %n개 발견</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About PEFT Studio</source>
        <translation>PEFT Studio 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;Parameter-efficient fine-tuning of transformer models: compose adapters, LoRA, prefix tuning and more, train and export them.</source>
        <translation>&lt;b&gt;PEFT Studio&lt;/b&gt; %1&lt;br&gt;트랜스포머 모델의 파라미터 효율적 미세 조정: 어댑터, LoRA, 프리픽스 튜닝 등을 조합하고 학습하고 내보냅니다.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>&amp;Undo %1</source>
        <translation>%1 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>%1 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEFT Studio</source>
        <translation>PEFT Studio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEFT Studio — Demo</source>
        <translation>PEFT Studio — 데모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent Model</source>
        <translation>최근 모델 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Recent &amp;Project</source>
        <translation>최근 프로젝트 열기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>새 프로젝트(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty project file: its recipes, runs and metrics are kept in it</source>
        <translation>빈 프로젝트 파일을 시작합니다. 레시피, 실행, 지표가 이 파일에 보관됩니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Project…</source>
        <translation>프로젝트 열기(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As…</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the project, with every run and metric, to a new file and continue there</source>
        <translation>모든 실행과 지표를 포함해 프로젝트를 새 파일로 복사하고 그 파일에서 계속합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Model Folder…</source>
        <translation>모델 폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Hugging Face model folder (config.json and safetensors weights)</source>
        <translation>Hugging Face 모델 폴더 열기 (config.json과 safetensors 가중치)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Models Folder…</source>
        <translation>모델 폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Folder</source>
        <translation>폴더 추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rescan Models</source>
        <translation>모델 다시 검색(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>다시 검색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Dataset…</source>
        <translation>데이터셋 열기(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a CSV, TSV, JSON, JSONL or text dataset on the Data page</source>
        <translation>CSV, TSV, JSON, JSONL 또는 텍스트 데이터셋을 데이터 페이지에서 엽니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recipe…</source>
        <translation>레시피 열기(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Recipe As…</source>
        <translation>다른 이름으로 레시피 저장(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About PEFT Studio</source>
        <translation>PEFT Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;Demo</source>
        <translation>데모 불러오기(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets</source>
        <translation>데모를 만들거나(처음 한 번, 약 1분) 엽니다: 감성·우화 데이터셋이 포함된 작은 Llama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No translation for %1</source>
        <translation>%1 번역이 없습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Model Folder</source>
        <translation>모델 폴더 열기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add Models Folder</source>
        <translation>모델 폴더 추가</translation>
    </message>
</context>
<context>
    <name>peft::ModelPage</name>
    <message>
        <location filename="../ui/widgets/model_page.cpp" line="+123"/>
        <source>Scanning model folders…</source>
        <translation>모델 폴더 검색 중…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reading model %1 of %2…</source>
        <translation>모델 읽는 중… (%2개 중 %1번째)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <location line="+138"/>
        <source>%n model(s) found</source>
        <translation>
            <numerusform>모델 %n개 발견</numerusform>
        </translation>
    </message>
    <message>
        <location line="-102"/>
        <source>No model selected</source>
        <translation>선택된 모델 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a model above, open a model folder, or add a folder to scan.</source>
        <translation>위에서 모델을 선택하거나, 모델 폴더를 열거나, 검색할 폴더를 추가하세요.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Architecture: %1 (model_type %2)</source>
        <translation>아키텍처: %1 (model_type %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers: %1 · width %2 · heads %3 (key/value %4) · FFN %5</source>
        <translation>레이어: %1 · 폭 %2 · 헤드 %3 (키/값 %4) · FFN %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary: %1 · positions %2</source>
        <translation>어휘: %1 · 위치 %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pretrained on this computer from generated stories, nothing downloaded: small enough to fine-tune in seconds.</source>
        <translation>생성된 이야기로 이 컴퓨터에서 사전 학습했으며 아무것도 내려받지 않았습니다. 몇 초 만에 미세 조정할 수 있을 만큼 작습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parameters: unknown</source>
        <translation>파라미터: 알 수 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters: %1 (%2, counted in the weights)</source>
        <translation>파라미터: %1 (%2, 가중치에서 집계)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters: %1 (%2, computed from config.json)</source>
        <translation>파라미터: %1 (%2, config.json에서 계산)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights: %1 · %2 · weight files: %3</source>
        <translation>가중치: %1 · %2 · 가중치 파일 %3개</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights: none</source>
        <translation>가중치: 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer: %1</source>
        <translation>토크나이저: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built by the studio&apos;s demo mode</source>
        <translation>스튜디오의 데모 모드로 만듦</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found in the Hugging Face cache %1</source>
        <translation>Hugging Face 캐시에서 발견: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found in %1</source>
        <translation>발견 위치: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened by hand</source>
        <translation>직접 연 폴더</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder: %1</source>
        <translation>폴더: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot be fine-tuned as is:</source>
        <translation>현재 상태로는 미세 조정할 수 없음:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Parameters per component</source>
        <translation>구성 요소별 파라미터</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan another folder for Hugging Face model folders</source>
        <translation>다른 폴더에서 Hugging Face 모델 폴더를 검색합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open one model folder (config.json and safetensors weights)</source>
        <translation>모델 폴더 하나를 엽니다 (config.json과 safetensors 가중치)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>다시 검색</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Demo</source>
        <translation>데모 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build (about a minute, once) or open the demo: a tiny Llama with sentiment and fables datasets</source>
        <translation>데모를 만들거나(처음 한 번, 약 1분) 엽니다: 감성·우화 데이터셋이 포함된 작은 Llama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
</context>
<context>
    <name>peft::ModelTableModel</name>
    <message>
        <location filename="../ui/widgets/model_table_model.cpp" line="+30"/>
        <source>Demo · tiny Llama</source>
        <translation>데모 · 작은 Llama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FFN</source>
        <translation>FFN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>norms</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The studio&apos;s demo model, pretrained on this computer from generated stories: %1</source>
        <translation>스튜디오의 데모 모델, 생성된 이야기로 이 컴퓨터에서 사전 학습함: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot fine-tune</source>
        <translation>미세 조정 불가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready (demo)</source>
        <translation>준비됨 (데모)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>폭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heads / KV</source>
        <translation>헤드 / KV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dtype</source>
        <translation>자료형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>peft::PlaceholderPage</name>
    <message>
        <location filename="../ui/widgets/placeholder_page.cpp" line="+27"/>
        <source>This page comes in a later version of PEFT Studio.</source>
        <translation>이 페이지는 PEFT Studio의 이후 버전에서 제공됩니다.</translation>
    </message>
</context>
<context>
    <name>peft::ProjectController</name>
    <message numerus="yes">
        <location filename="../ui/widgets/project_controller.cpp" line="+41"/>
        <source>%n run(s) were interrupted when the studio or the command line stopped; resume them on the Runs page.</source>
        <translation>
            <numerusform>스튜디오나 명령줄이 멈추면서 실행 %n개가 중단되었습니다. 실행 기록 페이지에서 재개하세요.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened project %1</source>
        <translation>프로젝트 %1을(를) 열었습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Open Project</source>
        <translation>프로젝트를 열 수 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project saved as %1</source>
        <translation>프로젝트를 %1(으)로 저장했습니다</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The run&apos;s configuration is missing from the project; it cannot be resumed.</source>
        <translation>프로젝트에 이 실행의 설정이 없어 재개할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot Resume</source>
        <translation>재개할 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No checkpoint of this run is left on disk, so it cannot continue where it stopped. Start it again from the Train page.</source>
        <translation>디스크에 이 실행의 체크포인트가 남아 있지 않아 멈춘 곳에서 이어 갈 수 없습니다. 학습 페이지에서 다시 시작하세요.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A run is already training; stop it before resuming another.</source>
        <translation>이미 학습 중인 실행이 있습니다. 다른 실행을 재개하려면 먼저 멈추세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resuming %1 from step %2</source>
        <translation>%2단계부터 %1 재개 중</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+4"/>
        <source>New Project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>%1 cannot be replaced.</source>
        <translation>%1을(를) 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Open Project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Save Project As</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Open or create a project first (File menu): queued runs are kept in it.</source>
        <translation>먼저 프로젝트를 열거나 만드세요(파일 메뉴). 대기 중인 실행은 프로젝트에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>missing: %1</source>
        <translation>없음: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed since a run used them: %1</source>
        <translation>실행에서 쓴 뒤 바뀜: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files of this project: %1</source>
        <translation>이 프로젝트의 파일 — %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Resume Run</source>
        <translation>실행 재개</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A run is training; stop it before resuming another.</source>
        <translation>학습 중인 실행이 있습니다. 다른 실행을 재개하려면 먼저 멈추세요.</translation>
    </message>
</context>
<context>
    <name>peft::compose::BlockScene</name>
    <message>
        <location filename="../ui/compose/block_scene.cpp" line="+136"/>
        <source>Select a model on the Model page to compose its PEFT modules.</source>
        <translation>모델 페이지에서 모델을 선택하면 PEFT 모듈을 구성할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>attaches to no site</source>
        <translation>붙을 위치가 없습니다</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Composition: %1</source>
        <translation>결합 방식: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Residual add</source>
        <translation>잔차 더하기</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 × %2 block (post-norm)</source>
        <translation>%1 × %2 블록 (후정규화)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 × %2 block</source>
        <translation>%1 × %2 블록</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 cannot attach anywhere in this model.</source>
        <translation>%1은(는) 이 모델의 어디에도 붙을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot attach to %2; it attaches to: %3.</source>
        <translation>%1은(는) %2에 붙을 수 없습니다. 붙을 수 있는 위치: %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+18"/>
        <source>Drop %1 onto one of the lit sites.</source>
        <translation>%1을(를) 강조 표시된 위치 중 하나에 놓으세요.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Drop to add the %1 preset&apos;s modules.</source>
        <translation>놓으면 %1 프리셋의 모듈이 추가됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop to attach %1 to %2.</source>
        <translation>놓으면 %1이(가) %2에 붙습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot attach to %2.</source>
        <translation>%1은(는) %2에 붙을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>peft::compose::ComposePage</name>
    <message>
        <location filename="../ui/compose/compose_page.cpp" line="+125"/>
        <source>Site %1: press Enter or Insert to add %2 here.</source>
        <translation>위치 %1: Enter 또는 Insert를 누르면 여기에 %2을(를) 추가합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site %1: choose a module in the palette, then press Enter or Insert.</source>
        <translation>위치 %1: 팔레트에서 모듈을 고른 뒤 Enter 또는 Insert를 누르세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a module or preset in the palette first.</source>
        <translation>먼저 팔레트에서 모듈이나 프리셋을 고르세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a site first (arrow keys).</source>
        <translation>먼저 위치를 선택하세요(화살표 키).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit %1 of %2</source>
        <translation>%2의 %1 편집</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot compose for %1: %2</source>
        <translation>%1에 대해 구성할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a model on the Model page first.</source>
        <translation>먼저 모델 페이지에서 모델을 선택하세요.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Add preset %1</source>
        <translation>프리셋 %1 추가</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add %1 at %2</source>
        <translation>%2에 %1 추가</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove %1</source>
        <translation>%1 제거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed %1.</source>
        <translation>%1을(를) 제거했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the recipe: %1</source>
        <translation>레시피를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened %1.</source>
        <translation>%1을(를) 열었습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the recipe: %1</source>
        <translation>레시피를 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Recipe</source>
        <translation>레시피 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Recipes (*.json)</source>
        <translation>레시피 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save Recipe</source>
        <translation>레시피 저장</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Compose</source>
        <translation>구성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Palette</source>
        <translation>팔레트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a module onto a lit site of the block, or select a site and press Enter</source>
        <translation>모듈을 블록의 강조 표시된 위치로 끌어 놓거나, 위치를 선택하고 Enter를 누르세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module</source>
        <translation>모듈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Recipe…</source>
        <translation>레시피 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Recipe…</source>
        <translation>레시피 저장…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 — %2, %n layer(s), hidden size %3</source>
        <translation>
            <numerusform>%1 — %2, %n개 층, 은닉 크기 %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model selected</source>
        <translation>선택된 모델 없음</translation>
    </message>
</context>
<context>
    <name>peft::compose::FiguresPanel</name>
    <message>
        <location filename="../ui/compose/figures_panel.cpp" line="+75"/>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence</source>
        <translation>시퀀스</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trainable parameters: —</source>
        <translation>학습 파라미터: —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters: — the recipe does not apply: %1</source>
        <translation>학습 파라미터: — 레시피를 적용할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training memory: —</source>
        <translation>학습 메모리: —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable parameters: &lt;b&gt;%1&lt;/b&gt; of %2 (%3%)</source>
        <translation>학습 파라미터: %2개 중 &lt;b&gt;%1&lt;/b&gt;개 (%3%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training memory: &lt;b&gt;%1&lt;/b&gt; (weights %2, gradients %3, AdamW %4, activations %5)</source>
        <translation>학습 메모리: &lt;b&gt;%1&lt;/b&gt; (가중치 %2, 기울기 %3, AdamW %4, 활성값 %5)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Trainable parameters per module</source>
        <translation>모듈별 학습 파라미터</translation>
    </message>
</context>
<context>
    <name>peft::compose::ModulePalette</name>
    <message>
        <location filename="../ui/compose/module_palette.cpp" line="+60"/>
        <source>Modules</source>
        <translation>모듈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expands into its modules; drop anywhere on the block</source>
        <translation>구성 모듈로 펼쳐집니다. 블록 아무 곳에나 놓으세요</translation>
    </message>
</context>
<context>
    <name>peft::compose::ModuleProperties</name>
    <message>
        <location filename="../ui/compose/module_properties.cpp" line="+123"/>
        <source>Layers: write block numbers or ranges, e.g. 0-2, 4 (empty: every block).</source>
        <translation>층: 블록 번호나 범위를 쓰세요. 예: 0-2, 4 (비우면 모든 블록).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sites</source>
        <translation>위치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEFT targets</source>
        <translation>PEFT 대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insertion</source>
        <translation>삽입 방식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composition</source>
        <translation>결합 방식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>스케일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank / size</source>
        <translation>랭크 / 크기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>알파</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduction factor</source>
        <translation>축소 비율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonlinearity</source>
        <translation>비선형 함수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter norm</source>
        <translation>어댑터 정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reparam. hidden</source>
        <translation>재매개변수화 은닉 크기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parallel</source>
        <translation>병렬</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sequential</source>
        <translation>직렬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add</source>
        <translation>더하기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>scaled</source>
        <translation>스케일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learned scalar</source>
        <translation>학습된 스칼라</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learned per channel</source>
        <translation>채널별 학습</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gated</source>
        <translation>게이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on the input</source>
        <translation>입력에</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on the output</source>
        <translation>출력에</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every site it can attach to</source>
        <translation>붙을 수 있는 모든 위치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles (q, v, ffn_out, …), site names or all, separated by commas</source>
        <translation>역할(q, v, ffn_out, …), 위치 이름 또는 all을 쉼표로 구분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every block</source>
        <translation>모든 블록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block numbers or ranges, e.g. 0-2, 4; negative numbers count from the end</source>
        <translation>블록 번호나 범위, 예: 0-2, 4. 음수는 끝에서부터 셉니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (use size)</source>
        <translation>끄기 (크기 사용)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this module (Delete)</source>
        <translation>이 모듈 제거 (Delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a module in the picture to edit it, or drag one from the palette onto a lit site.</source>
        <translation>그림에서 모듈을 선택해 편집하거나, 팔레트에서 모듈을 끌어 강조 표시된 위치에 놓으세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Block %1</source>
        <translation>블록 %1</translation>
    </message>
</context>
<context>
    <name>peft::datapage::ColumnMappingEditor</name>
    <message>
        <location filename="../ui/data/column_mapping_editor.cpp" line="+69"/>
        <source>Open a dataset to map its columns.</source>
        <translation>데이터셋을 열면 열을 매핑할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A plain text file is one column of text: nothing to map.</source>
        <translation>일반 텍스트 파일은 텍스트 한 열이므로 매핑할 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (optional):</source>
        <translation>%1 (선택):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>peft::datapage::DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+149"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open Dataset</source>
        <translation>데이터셋 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.csv *.tsv *.tab *.json *.jsonl *.ndjson *.txt *.md *.text);;All files (*)</source>
        <translation>데이터셋 (*.csv *.tsv *.tab *.json *.jsonl *.ndjson *.txt *.md *.text);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opened %1</source>
        <translation>%1 열림</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No dataset open. Open a CSV, TSV, JSON, JSONL or text file, or drop one here.</source>
        <translation>열린 데이터셋이 없습니다. CSV, TSV, JSON, JSONL 또는 텍스트 파일을 열거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln non-blank line(s)</source>
        <translation>
            <numerusform>비어 있지 않은 줄 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln행</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first %1 rows indexed</source>
        <translation>처음 %1행만 색인됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 with a header</source>
        <translation>%1, 헤더 있음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 without a header</source>
        <translation>%1, 헤더 없음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Dataset…</source>
        <translation>데이터셋 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a CSV, TSV, JSON, JSONL or text file (or drop one on this page)</source>
        <translation>CSV, TSV, JSON, JSONL 또는 텍스트 파일을 엽니다(이 페이지에 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Detected: %1</source>
        <translation>감지됨: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detected: %1 (changed by you)</source>
        <translation>감지됨: %1 (사용자가 변경함)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Detection looked at the first %n record(s): %1</source>
        <translation>
            <numerusform>처음 %n개 레코드를 보고 감지했습니다: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detected when a file is opened.</source>
        <translation>파일을 열면 감지합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row errors</source>
        <translation>행 오류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row errors (checking…)</source>
        <translation>행 오류 (확인 중…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row errors (%1)</source>
        <translation>행 오류 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token lengths</source>
        <translation>토큰 길이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label balance</source>
        <translation>레이블 분포</translation>
    </message>
</context>
<context>
    <name>peft::datapage::LabelBalanceChart</name>
    <message>
        <location filename="../ui/data/label_balance_chart.cpp" line="+32"/>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>예제 수</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No statistics yet</source>
        <translation>아직 통계가 없습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This format has no labels</source>
        <translation>이 형식에는 레이블이 없습니다</translation>
    </message>
</context>
<context>
    <name>peft::datapage::LengthHistogram</name>
    <message>
        <location filename="../ui/data/length_histogram.cpp" line="+32"/>
        <source>Tokens per document</source>
        <translation>문서당 토큰 수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens per example</source>
        <translation>예제당 토큰 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>문서 수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>예제 수</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rows</source>
        <translation>행이 없습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No statistics yet</source>
        <translation>아직 통계가 없습니다</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>block size %1</source>
        <translation>블록 크기 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max length %1</source>
        <translation>최대 길이 %1</translation>
    </message>
</context>
<context>
    <name>peft::datapage::RowErrorList</name>
    <message>
        <location filename="../ui/data/row_error_list.cpp" line="+35"/>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
Click to show the row.</source>
        <translation>%1
클릭하면 해당 행을 표시합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No malformed rows.</source>
        <translation>잘못된 행이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>peft::datapage::StatisticsPanel</name>
    <message>
        <location filename="../ui/data/statistics_panel.cpp" line="+95"/>
        <source>Select a model on the Model page: its tokenizer counts the tokens.</source>
        <translation>모델 페이지에서 모델을 선택하세요. 그 모델의 토크나이저로 토큰을 셉니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting tokens…</source>
        <translation>토큰 세는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dataset to see its statistics.</source>
        <translation>데이터셋을 열면 통계를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No statistics: %1</source>
        <translation>통계 없음: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Documents: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>문서: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>예제: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped rows: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>건너뛴 행: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longer than a block: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>블록 초과: &lt;b&gt;%1&lt;/b&gt; (%2%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Truncated: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>잘림: &lt;b&gt;%1&lt;/b&gt; (%2%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens per row: min %1 · mean %2 · max %3</source>
        <translation>행당 토큰: 최소 %1 · 평균 %2 · 최대 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens kept: %1</source>
        <translation>유지된 토큰: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens with loss: %1 (%2%)</source>
        <translation>손실이 적용되는 토큰: %1 (%2%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;i&gt;Updating…&lt;/i&gt;</source>
        <translation>&lt;i&gt;갱신 중…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokenizer:</source>
        <translation>토크나이저:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no model selected</source>
        <translation>선택된 모델 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Block size:</source>
        <translation>블록 크기:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max length:</source>
        <translation>최대 길이:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per training block; longer documents continue in the next block.</source>
        <translation>학습 블록당 토큰 수입니다. 더 긴 문서는 다음 블록으로 이어집니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples longer than this many tokens are truncated.</source>
        <translation>이 토큰 수보다 긴 예제는 잘립니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tokens</source>
        <translation> 토큰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents:</source>
        <translation>문서 나누기:</translation>
    </message>
</context>
<context>
    <name>peft::exportpage::ExportPage</name>
    <message>
        <location filename="../ui/export/export_page.cpp" line="+51"/>
        <location line="+63"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Write a trained adapter where other tools load it. Every export is reloaded and checked against the trained model before it is moved into place.</source>
        <translation>학습된 어댑터를 다른 도구가 불러올 수 있는 형태로 씁니다. 모든 내보내기 결과는 제자리로 옮기기 전에 다시 불러와 학습된 모델과 대조해 확인합니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+110"/>
        <source>(no project run; pick a folder below)</source>
        <translation>(프로젝트 실행 없음. 아래에서 폴더를 고르세요)</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Run:</source>
        <translation>실행:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A checkpoint folder (weights.safetensors) or a run folder (run.json)</source>
        <translation>체크포인트 폴더(weights.safetensors) 또는 실행 폴더(run.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Or folder:</source>
        <translation>또는 폴더:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+198"/>
        <source>Choose a run or a checkpoint folder.</source>
        <translation>실행이나 체크포인트 폴더를 고르세요.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new or empty folder</source>
        <translation>새 폴더 또는 빈 폴더</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output folder:</source>
        <translation>출력 폴더:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace an existing export in this folder</source>
        <translation>이 폴더의 기존 내보내기 결과 바꾸기</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Run %1 cannot be exported (%2): only finished or cancelled runs have a checkpoint to export. Resume an interrupted run on the Runs page first.</source>
        <translation>실행 %1은(는) 내보낼 수 없습니다(%2). 완료되었거나 취소된 실행에만 내보낼 체크포인트가 있습니다. 중단된 실행은 먼저 실행 페이지에서 재개하세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking for the run&apos;s checkpoints…</source>
        <translation>실행의 체크포인트를 찾는 중…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot export from here: %1</source>
        <translation>여기에서 내보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checkpoint %1
Recipe %2 on %3</source>
        <translation>체크포인트 %1
%3에 적용한 레시피 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not available: %1</source>
        <translation>사용할 수 없음: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Choose a checkpoint, an available format and an output folder first.</source>
        <translation>먼저 체크포인트, 사용 가능한 형식, 출력 폴더를 고르세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting %1 and checking it by reloading…</source>
        <translation>%1을(를) 내보내고 다시 불러와 확인하는 중…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export failed; nothing was written.
%1</source>
        <translation>내보내기에 실패했습니다. 아무것도 쓰지 않았습니다.
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1 to %2
Files: %3
Verified by reloading: largest logit difference %4 (tolerance 1e-4)</source>
        <translation>%1을(를) %2에 내보냈습니다
파일: %3
다시 불러와 확인함: 최대 로짓 차이 %4 (허용 오차 1e-4)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checkpoint or run folder</source>
        <translation>체크포인트 또는 실행 폴더</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEFT adapter</source>
        <translation>PEFT 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdapterHub adapter</source>
        <translation>AdapterHub 어댑터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged model</source>
        <translation>병합된 모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio adapter</source>
        <translation>스튜디오 어댑터</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>adapter_config.json + adapter_model.safetensors, for PeftModel.from_pretrained</source>
        <translation>adapter_config.json + adapter_model.safetensors, PeftModel.from_pretrained용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>adapter_config.json + adapter.safetensors (+ head files), for the adapters library&apos;s load_adapter</source>
        <translation>adapter_config.json + adapter.safetensors (+ 헤드 파일), adapters 라이브러리의 load_adapter용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a Hugging Face model folder with the adapter folded into the weights</source>
        <translation>어댑터를 가중치에 합친 Hugging Face 모델 폴더</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the recipe and its tensors, for any recipe; loads in the studio and CLI</source>
        <translation>레시피와 그 텐서. 어떤 레시피에나 쓸 수 있으며 스튜디오와 CLI에서 불러옵니다</translation>
    </message>
</context>
<context>
    <name>peft::runs::BudgetScatter</name>
    <message>
        <location filename="../ui/runs/budget_scatter.cpp" line="+75"/>
        <source>Parameter budget vs metric</source>
        <translation>파라미터 예산 대 지표</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(no method)</source>
        <translation>(방법 없음)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>best so far</source>
        <translation>현재까지 최고</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Hover a point for its run</source>
        <translation>점 위에 마우스를 올리면 해당 실행을 표시합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (lower is better)</source>
        <translation> (낮을수록 좋음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs appear here once they have been evaluated</source>
        <translation>실행은 평가된 뒤에 여기에 나타납니다</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2)
%3 trainable (%4 of %5)
best: %6 at step %7</source>
        <translation>%1 (%2)
학습 파라미터 %3 (%5개 중 %4개)
최고: %7단계에서 %6</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perplexity</source>
        <translation>퍼플렉서티</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainable parameters (% of the model, log scale)</source>
        <translation>학습 파라미터 (모델 대비 %, 로그 눈금)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export image…</source>
        <translation>이미지 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>차트를 PNG 또는 SVG로 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plotted runs as CSV</source>
        <translation>표시된 실행을 CSV로 저장</translation>
    </message>
</context>
<context>
    <name>peft::runs::ConfigDiffView</name>
    <message>
        <location filename="../ui/runs/config_diff_view.cpp" line="+127"/>
        <source>Two runs are needed for a comparison</source>
        <translation>비교하려면 실행이 두 개 필요합니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading the configurations…</source>
        <translation>설정을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+43"/>
        <source>Setting</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>(not set)</source>
        <translation>(설정 안 됨)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The same run on both sides</source>
        <translation>양쪽이 같은 실행입니다</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n setting(s) differ</source>
        <translation>
            <numerusform>설정 %n개가 다름</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n setting(s) in all</source>
        <translation>
            <numerusform>전체 설정 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run A:</source>
        <translation>실행 A:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run B:</source>
        <translation>실행 B:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only differences</source>
        <translation>차이만 표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the settings both runs share</source>
        <translation>두 실행에 공통된 설정 숨기기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run A</source>
        <translation>실행 A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run B</source>
        <translation>실행 B</translation>
    </message>
</context>
<context>
    <name>peft::runs::PlotExport</name>
    <message>
        <location filename="../ui/runs/plot_export.cpp" line="+48"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Export Points</source>
        <translation>점 내보내기</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunFormat</name>
    <message>
        <location filename="../ui/runs/run_format.cpp" line="+14"/>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ppl %1</source>
        <translation>ppl %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy %1 %</source>
        <translation>정확도 %1 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>perplexity</source>
        <translation>퍼플렉서티</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
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
        <translation>실행 곡선</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+115"/>
        <source>Check runs in the table to draw their curves</source>
        <translation>표에서 실행을 체크하면 곡선을 그립니다</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input tokens</source>
        <translation>입력 토큰</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation loss</source>
        <translation>평가 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accuracy (%) / perplexity</source>
        <translation>정확도 (%) / 퍼플렉서티</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1
%2: %3
%4: %5</source>
        <translation>%1
%2: %3
%4: %5</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation loss</source>
        <translation>평가 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation metric</source>
        <translation>평가 지표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation metric: accuracy for classification runs, perplexity for language-model runs</source>
        <translation>평가 지표: 분류 실행은 정확도, 언어 모델 실행은 퍼플렉서티</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align by:</source>
        <translation>정렬 기준:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch: steps × examples per step ÷ training examples. Tokens: input tokens seen so far.</source>
        <translation>에포크: 단계 × 단계당 예제 수 ÷ 학습 예제 수. 토큰: 지금까지 본 입력 토큰 수.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing:</source>
        <translation>평활화:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential moving average over the training loss</source>
        <translation>학습 손실의 지수 이동 평균</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic value axis</source>
        <translation>값 축을 로그로 표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the chart to the curves (or double-click it). Drag to pan, scroll to zoom.</source>
        <translation>차트를 곡선에 맞춥니다 (차트를 두 번 클릭해도 됩니다). 끌어서 이동, 스크롤로 확대/축소.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export image…</source>
        <translation>이미지 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>차트를 PNG 또는 SVG로 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every point of the drawn curves as CSV</source>
        <translation>그려진 곡선의 모든 점을 CSV로 저장</translation>
    </message>
</context>
<context>
    <name>peft::runs::RunsPage</name>
    <message>
        <location filename="../ui/runs/runs_page.cpp" line="+317"/>
        <source>Only a finished or cancelled run has a checkpoint to export</source>
        <translation>완료되었거나 취소된 실행에만 내보낼 체크포인트가 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the selected run&apos;s adapter on the Export page (PEFT, AdapterHub, merged or studio)</source>
        <translation>선택한 실행의 어댑터를 내보내기 페이지에서 내보냅니다(PEFT, AdapterHub, 병합 모델 또는 스튜디오 형식)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>실행 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n개 실행 중</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n개 중단됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n개 실패</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw all</source>
        <translation>모두 그리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every run: draw all their curves</source>
        <translation>모든 실행을 체크해 모든 곡선을 그립니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw recent</source>
        <translation>최근 실행 그리기</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Check the %n most recent run(s) only</source>
        <translation>
            <numerusform>가장 최근 실행 %n개만 체크합니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the selected interrupted or cancelled run from its last checkpoint</source>
        <translation>선택한 중단 또는 취소된 실행을 마지막 체크포인트부터 이어서 진행합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget vs metric</source>
        <translation>예산 대 지표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare configs</source>
        <translation>설정 비교</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each run&apos;s share of trainable parameters against its best evaluation, as in the PEFT papers</source>
        <translation>PEFT 논문에서처럼 각 실행의 학습 파라미터 비율을 최고 평가 결과와 대비해 보여 줍니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings of two runs side by side (select two rows to compare them)</source>
        <translation>두 실행의 설정을 나란히 표시합니다 (비교하려면 두 행을 선택하세요)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open or create a project to keep its runs. Runs you train are recorded in the project with their settings and every metric point, and appear here for comparison.</source>
        <translation>실행을 보관하려면 프로젝트를 열거나 만드세요. 학습한 실행은 설정 및 모든 지표 값과 함께 프로젝트에 기록되며, 비교할 수 있도록 여기에 나타납니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs you train appear here. Start one on the Train page: the project keeps its settings, every metric point and its checkpoints, so you can compare runs and resume interrupted ones.</source>
        <translation>학습한 실행이 여기에 나타납니다. 학습 페이지에서 실행을 시작하세요. 프로젝트에 설정, 모든 지표 값, 체크포인트가 보관되므로 실행을 비교하고 중단된 실행을 재개할 수 있습니다.</translation>
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
        <translation>이 실행의 곡선 그리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Folder: %2</source>
        <translation>%1
폴더: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not known before the run&apos;s setup</source>
        <translation>실행 준비 전에는 알 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 parameters trainable</source>
        <translation>파라미터 %2개 중 %1개 학습</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No evaluation yet</source>
        <translation>아직 평가 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best evaluation at step %1</source>
        <translation>%1단계에서 최고 평가</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checked runs are drawn on the Curves tab</source>
        <translation>체크한 실행은 곡선 탭에 그려집니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable</source>
        <translation>학습 파라미터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best metric</source>
        <translation>최고 지표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
</context>
<context>
    <name>peft::train::HyperparameterForm</name>
    <message>
        <location filename="../ui/train/hyperparameter_form.cpp" line="+89"/>
        <source>Evaluation File</source>
        <translation>평가 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.csv *.tsv *.json *.jsonl *.txt);;All files (*)</source>
        <translation>데이터셋 (*.csv *.tsv *.json *.jsonl *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs Folder</source>
        <translation>실행 폴더</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps:</source>
        <translation>단계:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accumulation:</source>
        <translation>누적:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warmup:</source>
        <translation>워밍업:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule:</source>
        <translation>스케줄:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluate every:</source>
        <translation>평가 간격:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkpoint every:</source>
        <translation>체크포인트 간격:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads:</source>
        <translation>스레드:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluation file:</source>
        <translation>평가 파일:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Runs folder:</source>
        <translation>실행 폴더:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak learning rate of AdamW. Adapters and LoRA take higher rates than full fine-tuning: about 3e-3 for tiny models, 1e-3 for small ones, 2e-4 for 7B models.</source>
        <translation>AdamW의 최대 학습률. 어댑터와 LoRA는 전체 미세 조정보다 높은 학습률을 씁니다: 아주 작은 모델은 약 3e-3, 작은 모델은 1e-3, 7B 모델은 2e-4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By epochs</source>
        <translation>에포크 기준</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer steps to train. 0 trains for the number of epochs instead.</source>
        <translation>학습할 옵티마이저 단계 수. 0이면 에포크 수만큼 학습합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training set; used when Steps is 0.</source>
        <translation>학습 세트를 도는 횟수. 단계가 0일 때 사용합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples per micro-batch. Lower it when memory runs out and raise Accumulation instead.</source>
        <translation>마이크로 배치당 예제 수. 메모리가 부족하면 줄이고 대신 누적을 늘리세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micro-batches per optimizer step (gradient accumulation): the effective batch is batch size × accumulation.</source>
        <translation>옵티마이저 단계당 마이크로 배치 수(그래디언트 누적): 실제 배치는 배치 크기 × 누적입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the steps over which the learning rate rises linearly from 0; 6 % is common.</source>
        <translation>학습률이 0에서 선형으로 오르는 단계의 비율. 보통 6 %입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear decay</source>
        <translation>선형 감소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine decay</source>
        <translation>코사인 감소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate falls after the warmup: linearly or along a half cosine to 0, or not at all.</source>
        <translation>워밍업 후 학습률이 줄어드는 방식: 선형 또는 반 코사인으로 0까지, 또는 줄이지 않음.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>At the end</source>
        <translation>마지막에</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Steps between evaluations on the evaluation file. 0 evaluates once, at the end.</source>
        <translation>평가 파일로 평가하는 단계 간격. 0이면 마지막에 한 번 평가합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps between checkpoints. A run that is stopped, or a studio that crashes, resumes from the last one; 0 saves only at the end.</source>
        <translation>체크포인트 사이의 단계 수. 멈춘 실행이나 비정상 종료된 스튜디오는 마지막 체크포인트부터 재개합니다. 0이면 마지막에만 저장합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One seed for the data order, new weights and dropout: the same seed repeats a run exactly.</source>
        <translation>데이터 순서, 새 가중치, 드롭아웃에 쓰는 하나의 시드: 같은 시드면 실행을 그대로 재현합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads for the tensor maths. More threads train faster but leave fewer for the rest of the computer.</source>
        <translation>텐서 연산에 쓰는 CPU 스레드. 많을수록 빨리 학습하지만 컴퓨터의 다른 작업에 남는 것이 줄어듭니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a held-out file in the same format</source>
        <translation>선택: 같은 형식의 검증용 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A held-out dataset in the training file&apos;s format; without one there is no evaluation.</source>
        <translation>학습 파일과 같은 형식의 검증용 데이터셋. 없으면 평가하지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the evaluation file</source>
        <translation>평가 파일 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each run writes its configuration, checkpoints and results to a folder of its own here.</source>
        <translation>각 실행은 설정, 체크포인트, 결과를 이곳의 자체 폴더에 기록합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the runs folder</source>
        <translation>실행 폴더 선택</translation>
    </message>
</context>
<context>
    <name>peft::train::TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+124"/>
        <source>Checkpoint of step %1 saved in %2</source>
        <translation>%1단계 체크포인트를 %2에 저장했습니다</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The dataset is still opening on the Data page; start again in a moment.</source>
        <translation>데이터 페이지에서 데이터셋을 아직 여는 중입니다. 잠시 후 다시 시작하세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run %1: %2 on %3</source>
        <translation>실행 %1: %3로 %2 학습</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing to %1</source>
        <translation>%1에 기록합니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Queued run %1. Train it headless with: %2</source>
        <translation>실행 %1을(를) 대기열에 넣었습니다. 창 없이 학습하려면: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resuming run %1 from step %2 (%3)</source>
        <translation>실행 %1을(를) %2단계부터 재개합니다 (%3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+102"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Resumed</source>
        <translation>재개됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping after the current step…</source>
        <translation>현재 단계가 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 training and %2 evaluation examples; %3 of %4 parameters trainable (%5 %); %6 steps on %7; set up in %8 s</source>
        <translation>학습 예제 %1개, 평가 예제 %2개; 파라미터 %4개 중 %3개 학습 (%5 %); %7에서 %6단계; 준비 %8초</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n row(s) of the dataset could not be used and were skipped</source>
        <translation>
            <numerusform>데이터셋의 %n개 행을 사용할 수 없어 건너뛰었습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No evaluation file: the run is not evaluated (set one in the form).</source>
        <translation>평가 파일이 없어 평가하지 않습니다 (설정에서 지정하세요).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The loss at step %1 is more than four times the first one: the learning rate may be too high</source>
        <translation>%1단계의 손실이 처음의 네 배를 넘었습니다: 학습률이 너무 높을 수 있습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evaluation at step %1: loss %2, accuracy %3, F1 %4</source>
        <translation>%1단계 평가: 손실 %2, 정확도 %3, F1 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluation at step %1: loss %2, perplexity %3</source>
        <translation>%1단계 평가: 손실 %2, 퍼플렉서티 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped at step %1; the last completed step is saved</source>
        <translation>%1단계에서 멈췄습니다. 마지막으로 끝난 단계를 저장했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training stopped at step %1</source>
        <translation>%1단계에서 학습을 멈췄습니다</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Finished: %n step(s)</source>
        <translation>
            <numerusform>완료: %n단계</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Training finished: %n step(s)</source>
        <translation>
            <numerusform>학습 완료: %n단계</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+85"/>
        <source>The run failed: %1</source>
        <translation>실행에 실패했습니다: %1</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Preparing…</source>
        <translation>준비 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 steps</source>
        <translation>%2단계 중 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished in %1</source>
        <translation>%1 만에 완료</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ETA: measuring…</source>
        <translation>남은 시간: 측정 중…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA %1</source>
        <translation>남은 시간 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 tok/s</source>
        <translation>%1 토큰/초</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none selected</source>
        <translation>선택 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data: none open</source>
        <translation>데이터: 열린 파일 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data: %1 (%2)</source>
        <translation>데이터: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recipe: %n module(s)</source>
        <translation>
            <numerusform>레시피: 모듈 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the Compose page&apos;s recipe on the Data page&apos;s dataset with these settings</source>
        <translation>구성 페이지의 레시피를 데이터 페이지의 데이터셋으로 이 설정에 따라 학습합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause before the next micro-batch; the run keeps its place</source>
        <translation>다음 마이크로 배치 전에 멈춥니다. 진행 위치는 유지됩니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue for Command Line</source>
        <translation>명령줄용 대기열에 추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this run into the project without training it here: run it with &apos;peft-studio-cli project run&apos;, on this or a bigger machine; this window shows its progress</source>
        <translation>여기서 학습하지 않고 이 실행을 프로젝트에 넣습니다: 이 컴퓨터나 더 큰 머신에서 &apos;peft-studio-cli project run&apos;으로 실행하세요. 이 창에 진행 상황이 표시됩니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run; a checkpoint of the last completed step is saved</source>
        <translation>실행을 멈춥니다. 마지막으로 끝난 단계의 체크포인트를 저장합니다</translation>
    </message>
</context>
<context>
    <name>peft::train::TrainingCharts</name>
    <message>
        <location filename="../ui/train/training_charts.cpp" line="+144"/>
        <location line="+214"/>
        <source>trainable parameters</source>
        <translation>학습 파라미터</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+214"/>
        <source>Shown when the run has loaded its model</source>
        <translation>실행이 모델을 불러오면 표시됩니다</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+7"/>
        <source>Export Charts</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Training charts</source>
        <translation>학습 차트</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 드로잉 (*.svg)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Export Metrics</source>
        <translation>지표 내보내기</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gradient norm</source>
        <translation>그래디언트 노름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per second</source>
        <translation>초당 토큰</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data yet</source>
        <translation>아직 데이터 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable parameters per module</source>
        <translation>모듈별 학습 파라미터</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing:</source>
        <translation>평활화:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential moving average over the curves; the raw values stay as a faint line.</source>
        <translation>곡선의 지수 이동 평균. 원래 값은 흐린 선으로 남습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic value axis for the loss and gradient-norm charts.</source>
        <translation>손실과 그래디언트 노름 차트의 값 축을 로그로 표시합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit every chart to its data and follow the run again (or double-click a chart). Drag to pan, scroll to zoom.</source>
        <translation>모든 차트를 데이터에 맞추고 다시 실행을 따라갑니다 (차트를 두 번 클릭해도 됩니다). 끌어서 이동, 스크롤로 확대/축소.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Image…</source>
        <translation>이미지 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the charts as one picture: PNG, or SVG (vectors)</source>
        <translation>차트를 그림 하나로 저장합니다: PNG 또는 SVG(벡터)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every step&apos;s metrics and every evaluation as CSV</source>
        <translation>모든 단계의 지표와 모든 평가를 CSV로 저장</translation>
    </message>
</context>
</TS>
