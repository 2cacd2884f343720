// SPDX-License-Identifier: MIT
// Internal helpers of the project database: how values are written to and read from SQLite
// (times as UTC ISO 8601 text with milliseconds, JSON as compact text), and who owns a run
// (this process's pid, host and start time). Not part of peft_project's API.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace peft::project::sql {

/// The meta table's "format" value that marks a project file.
inline constexpr const char* kFormat = "peft-studio-project";
/// PRAGMA application_id of project files: "PEFT" in ASCII.
inline constexpr qint64 kApplicationId = 0x50454654;

/// `text` as a value to bind: never NULL (a null QString binds as NULL, which NOT NULL columns refuse).
QString text(const QString& text);
QString jsonText(const QJsonObject& object);
QJsonObject jsonObject(const QVariant& text);
QString nowText();
QString timeText(const QDateTime& time);   ///< NULL-friendly: empty for an invalid time
QVariant timeValue(const QDateTime& time); ///< NULL for an invalid time
QDateTime timeFrom(const QVariant& text);

/// The process that owns a run: pid, host and start time (so a reused pid is told apart).
qint64 currentPid();
QString currentHost();
/// Start time of `pid` in clock ticks since boot (/proc/<pid>/stat field 22); 0 when unknown.
qint64 processStartTime(qint64 pid);
/// True while `pid` runs on this host (a zombie counts as ended).
bool processAlive(qint64 pid);

/// A prepared statement on the connection's own sqlite3 handle, for the hot paths (metric points
/// by the million): QtSql's per-value QVariant costs several times what SQLite itself does.
/// Columns are 0-based, parameters 1-based, as in SQLite.
class Statement {
public:
    Statement(const QSqlDatabase& db, const QString& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    void bind(int index, qint64 value);
    void bind(int index, double value);
    /// True for a row, false when done or failed (then error() is set).
    bool next();
    /// Runs a statement that returns no rows; false on failure.
    bool run();
    void reset();
    qint64 integer(int column) const;
    double real(int column) const;
    QString error() const { return error_; }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    QString error_;
};

} // namespace peft::project::sql
