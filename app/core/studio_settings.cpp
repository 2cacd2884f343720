// SPDX-License-Identifier: MIT
#include "core/studio_settings.h"

namespace peft {

StudioSettings::StudioSettings() : settings_(QStringLiteral("PEFT Studio"), QStringLiteral("PEFT Studio")) {}

QStringList StudioSettings::modelFolders() const { return settings_.value(QStringLiteral("models/folders")).toStringList(); }
void StudioSettings::setModelFolders(const QStringList& folders) { settings_.setValue(QStringLiteral("models/folders"), folders); }

QStringList StudioSettings::recentModels() const { return settings_.value(QStringLiteral("models/recent")).toStringList(); }

void StudioSettings::addRecentModel(const QString& path) {
    QStringList recent = recentModels();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10) recent.removeLast();
    settings_.setValue(QStringLiteral("models/recent"), recent);
}

QStringList StudioSettings::recentProjects() const {
    return settings_.value(QStringLiteral("projects/recent")).toStringList();
}

void StudioSettings::addRecentProject(const QString& path) {
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10) recent.removeLast();
    settings_.setValue(QStringLiteral("projects/recent"), recent);
}

void StudioSettings::removeRecentProject(const QString& path) {
    QStringList recent = recentProjects();
    recent.removeAll(path);
    settings_.setValue(QStringLiteral("projects/recent"), recent);
}

QString StudioSettings::language() const { return settings_.value(QStringLiteral("ui/language")).toString(); }
void StudioSettings::setLanguage(const QString& language) { settings_.setValue(QStringLiteral("ui/language"), language); }

QByteArray StudioSettings::windowGeometry() const { return settings_.value(QStringLiteral("ui/geometry")).toByteArray(); }
QByteArray StudioSettings::windowState() const { return settings_.value(QStringLiteral("ui/state")).toByteArray(); }

void StudioSettings::setWindow(const QByteArray& geometry, const QByteArray& state) {
    settings_.setValue(QStringLiteral("ui/geometry"), geometry);
    settings_.setValue(QStringLiteral("ui/state"), state);
    settings_.sync();
}

} // namespace peft
