// SPDX-License-Identifier: MIT
// The real main window: the Model page lists the shared models, selection fills the details,
// the language switches live, and the window state survives a restart.
#include "core/language_manager.h"
#include "core/model_catalog.h"
#include "core/studio_settings.h"
#include "widgets/main_window.h"
#include "widgets/model_page.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using peft::LanguageManager;
using peft::MainWindow;
using peft::ModelCatalog;
using peft::StudioSettings;

class TestMainWindow final : public QObject {
    Q_OBJECT

    static QString assets() {
        const QByteArray env = qgetenv("PEFT_ASSETS_DIR");
        const QString dir = env.isEmpty() ? QStringLiteral(PEFT_ASSETS_DIR_DEFAULT) : QString::fromLocal8Bit(env);
        if (!QFile::exists(dir + QStringLiteral("/models/stories260K/config.json")))
            qFatal("test assets not found at %s: set PEFT_ASSETS_DIR to ../shared/assets", qPrintable(dir));
        return dir;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelPage_listsAssetsAndShowsDetailsOfTheSelection() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        catalog.setFolders({assets() + QStringLiteral("/models")});
        MainWindow window(&catalog, &languages, &settings);
        window.show();
        QSignalSpy finished(&catalog, &ModelCatalog::scanFinished);
        catalog.rescan();
        QVERIFY(finished.wait(60000));
        QTableView* table = window.modelPage()->table();
        QCOMPARE(table->model()->rowCount(), 4); // stories260K, its llama2.c folder, tiny-gpt2, bert-tiny-untrained
        window.modelPage()->selectModel(QFileInfo(assets() + QStringLiteral("/models/stories260K")).canonicalFilePath());
        QCOMPARE(window.modelPage()->detailTitle()->text(), QStringLiteral("stories260K"));
        window.modelPage()->selectModel(QFileInfo(assets() + QStringLiteral("/models/bert-tiny-untrained")).canonicalFilePath());
        QCOMPARE(window.modelPage()->detailTitle()->text(), QStringLiteral("bert-tiny-untrained"));
        QVERIFY2(window.modelPage()->detailReason()->text().contains(QStringLiteral("no weights")),
                 qPrintable(window.modelPage()->detailReason()->text()));
        // Unsupported rows are greyed and carry the reason as tooltip.
        const int bertRow = table->currentIndex().row();
        QVERIFY(table->model()->index(bertRow, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no weights")));
        QVERIFY(table->model()->index(bertRow, 0).data(Qt::ForegroundRole).isValid());
    }

    void languageMenu_switchesVisibleStringsLive() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->item(0)->text(), QStringLiteral("Model"));
        window.setLanguage(QStringLiteral("ko"));
        QCOMPARE(languages.current(), QStringLiteral("ko"));
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("모델")); // LanguageChange is posted to windows
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("파일(&F)"));
        window.setLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("模型"));
        window.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("Model"));
    }

    void pages_areReachableByKey() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        MainWindow window(&catalog, &languages, &settings);
        for (const char* key : {"data", "compose", "train", "runs", "export", "playground", "model"}) {
            QVERIFY(window.showPage(QString::fromLatin1(key)));
            QCOMPARE(window.currentPageKey(), QString::fromLatin1(key));
        }
        QVERIFY(!window.showPage(QStringLiteral("nope")));
    }

    void windowState_roundTripsThroughSettings() {
        StudioSettings settings;
        LanguageManager languages;
        ModelCatalog catalog;
        {
            MainWindow window(&catalog, &languages, &settings);
            window.show();
            window.resize(1111, 777);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        MainWindow again(&catalog, &languages, &settings);
        QCOMPARE(again.size(), QSize(1111, 777));
    }
};

QTEST_MAIN(TestMainWindow)
#include "main_window_test.moc"
