// SPDX-License-Identifier: MIT
// Persistent settings of the studio (QSettings): model folders, recent models and projects,
// language, window state.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace peft {

class StudioSettings {
public:
    StudioSettings();

    QStringList modelFolders() const;
    void setModelFolders(const QStringList& folders);

    QStringList recentModels() const;
    /// Puts `path` first, keeps at most 10.
    void addRecentModel(const QString& path);

    /// Project files, most recent first (the first is reopened at start).
    QStringList recentProjects() const;
    /// Puts `path` first, keeps at most 10.
    void addRecentProject(const QString& path);
    void removeRecentProject(const QString& path);

    QString language() const; ///< "" = system
    void setLanguage(const QString& language);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray& geometry, const QByteArray& state);

private:
    mutable QSettings settings_;
};

} // namespace peft
