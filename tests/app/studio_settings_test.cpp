// SPDX-License-Identifier: MIT
// Settings survive a restart (a new StudioSettings reads what the last one wrote) and the recent
// list stays short, newest first, without duplicates.
#include "core/studio_settings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using peft::StudioSettings;

class TestStudioSettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("PEFT Studio"), QStringLiteral("PEFT Studio")).clear();
    }

    void saveThenLoad_roundTrip() {
        {
            StudioSettings settings;
            settings.setModelFolders({QStringLiteral("/models/a"), QStringLiteral("/models/b")});
            settings.setLanguage(QStringLiteral("ko"));
            settings.setWindow(QByteArrayLiteral("geometry"), QByteArrayLiteral("state"));
        }
        StudioSettings again;
        QCOMPARE(again.modelFolders(), QStringList({QStringLiteral("/models/a"), QStringLiteral("/models/b")}));
        QCOMPARE(again.language(), QStringLiteral("ko"));
        QCOMPARE(again.windowGeometry(), QByteArrayLiteral("geometry"));
        QCOMPARE(again.windowState(), QByteArrayLiteral("state"));
    }

    void addRecentModel_keepsTenNewestFirstWithoutDuplicates() {
        StudioSettings settings;
        for (int i = 0; i < 12; ++i) settings.addRecentModel(QStringLiteral("/m/%1").arg(i));
        settings.addRecentModel(QStringLiteral("/m/5"));
        const QStringList recent = settings.recentModels();
        QCOMPARE(recent.size(), 10);
        QCOMPARE(recent.front(), QStringLiteral("/m/5"));
        QCOMPARE(recent.at(1), QStringLiteral("/m/11"));
        QCOMPARE(recent.count(QStringLiteral("/m/5")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStudioSettings)
#include "studio_settings_test.moc"
