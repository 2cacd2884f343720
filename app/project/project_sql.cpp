// SPDX-License-Identifier: MIT
#include "project/project_sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSysInfo>
#include <QTimeZone>

#include <sqlite3.h>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace peft::project::sql {
namespace {

/// The fields of /proc/<pid>/stat after the command name (which may contain spaces and ')').
QList<QByteArray> statFields(qint64 pid) {
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray text = file.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0) return {};
    return text.mid(close + 2).split(' '); // [0] = field 3 (state), [19] = field 22 (starttime)
}

} // namespace

QString text(const QString& text) { return text.isNull() ? QStringLiteral("") : text; }

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& text) { return QJsonDocument::fromJson(text.toString().toUtf8()).object(); }

QString nowText() { return timeText(QDateTime::currentDateTimeUtc()); }

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QVariant timeValue(const QDateTime& time) { return time.isValid() ? QVariant(timeText(time)) : QVariant(); }

QDateTime timeFrom(const QVariant& text) {
    if (text.isNull()) return {};
    QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

qint64 currentPid() { return static_cast<qint64>(::getpid()); }

QString currentHost() { return QSysInfo::machineHostName(); }

qint64 processStartTime(qint64 pid) {
    const auto fields = statFields(pid);
    return fields.size() > 19 ? fields[19].toLongLong() : 0;
}

bool processAlive(qint64 pid) {
    if (pid <= 0) return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
    const auto fields = statFields(pid);
    return fields.isEmpty() || fields[0] != "Z";
}

Statement::Statement(const QSqlDatabase& db, const QString& sql) {
    // The QSQLITE driver hands out its sqlite3* (Qt's plugin links the same system libsqlite3).
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        error_ = u"not an SQLite connection"_s;
        return;
    }
    db_ = *static_cast<sqlite3* const*>(handle.constData());
    if (!db_) {
        error_ = u"the database is not open"_s;
        return;
    }
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(db_, text.constData(), int(text.size()), &stmt_, nullptr) != SQLITE_OK) {
        error_ = QString::fromUtf8(sqlite3_errmsg(db_));
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, qint64 value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

bool Statement::next() {
    if (!stmt_) return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) error_ = QString::fromUtf8(sqlite3_errmsg(db_));
    return false;
}

bool Statement::run() {
    if (!stmt_) return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    error_ = QString::fromUtf8(sqlite3_errmsg(db_));
    return false;
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

qint64 Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

} // namespace peft::project::sql
