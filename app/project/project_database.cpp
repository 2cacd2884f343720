// SPDX-License-Identifier: MIT
// Opening, identifying and migrating project files, and the small key/value tables. Runs and their
// metric points are in project_runs.cpp.
#include "project/project_database.h"
#include "project/project_sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace peft::project {
namespace {

std::atomic<qint64> g_connectionCounter{0};

/// Schema migrations in order: entry i takes a file from user_version i to i + 1, in one
/// transaction. A v2 is one more entry appended here (and kSchemaVersion bumped), never an edit of
/// an earlier one: files in the wild were written by them.
const QList<QStringList>& migrations() {
    static const QList<QStringList> list = {
        // v0 -> v1: the whole schema.
        {
            u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE ui_state(key TEXT PRIMARY KEY, json TEXT NOT NULL)"_s,
            u"CREATE TABLE recipes(name TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
            u"CREATE TABLE file_refs(kind TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL DEFAULT '',"
            " added_at TEXT NOT NULL, PRIMARY KEY(kind, path))"_s,
            u"CREATE TABLE runs("
            " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, status TEXT NOT NULL,"
            " method TEXT NOT NULL DEFAULT '', config_json TEXT NOT NULL DEFAULT '{}',"
            " model_path TEXT NOT NULL DEFAULT '', dataset_path TEXT NOT NULL DEFAULT '',"
            " task TEXT NOT NULL DEFAULT '', trainable INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0,"
            " total_steps INTEGER NOT NULL DEFAULT 0, steps_done INTEGER NOT NULL DEFAULT 0,"
            " train_examples INTEGER NOT NULL DEFAULT 0, examples_per_step INTEGER NOT NULL DEFAULT 0,"
            " best_metric_name TEXT NOT NULL DEFAULT '', best_metric REAL NOT NULL DEFAULT 0,"
            " best_step INTEGER NOT NULL DEFAULT 0, last_loss REAL NOT NULL DEFAULT 0,"
            " wall_seconds REAL NOT NULL DEFAULT 0, created_at TEXT NOT NULL, started_at TEXT, ended_at TEXT,"
            " output_dir TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',"
            " owner_pid INTEGER NOT NULL DEFAULT 0, owner_host TEXT NOT NULL DEFAULT '',"
            " owner_started INTEGER NOT NULL DEFAULT 0, heartbeat_at TEXT)"_s,
            u"CREATE TABLE step_metrics("
            " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,"
            " loss REAL, lr REAL, grad_norm REAL, tokens_per_s REAL, samples_per_s REAL, elapsed REAL,"
            " tokens_seen INTEGER, PRIMARY KEY(run_id, step)) WITHOUT ROWID"_s,
            u"CREATE TABLE eval_metrics("
            " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,"
            " loss REAL, accuracy REAL, f1 REAL, matthews REAL, perplexity REAL,"
            " PRIMARY KEY(run_id, step)) WITHOUT ROWID"_s,
            u"CREATE TABLE checkpoints("
            " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,"
            " path TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY(run_id, step))"_s,
            u"CREATE TABLE exports("
            " id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            " format TEXT NOT NULL, path TEXT NOT NULL, max_diff REAL NOT NULL DEFAULT 0, created_at TEXT NOT NULL)"_s,
            u"CREATE INDEX exports_run ON exports(run_id)"_s,
            u"INSERT INTO meta(key, value) VALUES('format', '%1')"_s.arg(QLatin1String(sql::kFormat)),
            u"INSERT INTO meta(key, value) VALUES('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"_s,
            u"PRAGMA application_id = %1"_s.arg(sql::kApplicationId),
        },
    };
    return list;
}

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

} // namespace

ProjectDatabase::ProjectDatabase() = default;

ProjectDatabase::~ProjectDatabase() { close(); }

bool ProjectDatabase::fail(const QString& what, const QString& detail) {
    error_ = detail.isEmpty() ? what : what + u": "_s + detail;
    return false;
}

bool ProjectDatabase::exec(const QString& statement) {
    QSqlQuery q(db_);
    if (!q.exec(statement))
        return fail(u"%1: %2 failed"_s.arg(native(path_), statement.left(60)), q.lastError().text());
    return true;
}

bool ProjectDatabase::open(const QString& path, OpenMode mode) {
    close();
    error_.clear();
    interruptedOnOpen_ = 0;
    path_ = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(path_);
    if (info.exists() && mode == OpenMode::CreateNew)
        return fail(u"%1 already exists; choose another name or open it"_s.arg(native(path_)), {});
    if (!info.exists() && mode == OpenMode::OpenExisting)
        return fail(u"%1 does not exist"_s.arg(native(path_)), {});
    if (info.exists()) {
        if (!info.isFile()) return fail(u"%1 is not a file"_s.arg(native(path_)), {});
        QFile file(path_);
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1"_s.arg(native(path_)), file.errorString());
        const QByteArray header = file.read(16);
        // An empty file is an empty SQLite database (created and never written): accepted.
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            return fail(u"%1 is not a PEFT Studio project (not an SQLite database, or damaged)"_s.arg(native(path_)),
                        {});
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        return fail(u"cannot create %1: the folder %2 does not exist"_s.arg(native(path_), native(info.absolutePath())),
                    {});
    }

    connection_ = u"peft-project-%1"_s.arg(++g_connectionCounter);
    db_ = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection_);
    db_.setDatabaseName(path_);
    db_.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db_.open()) {
        const QString detail = db_.lastError().text();
        close();
        return fail(u"cannot open %1"_s.arg(native(path_)), detail);
    }
    // Identify before changing anything: a foreign SQLite file must be left exactly as it was.
    const bool ok = exec(u"PRAGMA busy_timeout = 5000"_s) && identify() && [this] {
        QSqlQuery q(db_);
        if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next())
            return fail(u"%1: cannot switch to WAL mode"_s.arg(native(path_)), q.lastError().text());
        if (q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            return fail(u"%1: cannot switch to WAL mode (journal mode stays %2; is the folder on a network drive?)"_s
                            .arg(native(path_), q.value(0).toString()),
                        {});
        return true;
    }() && exec(u"PRAGMA synchronous = NORMAL"_s) && exec(u"PRAGMA foreign_keys = ON"_s) &&
                    exec(u"PRAGMA cache_size = -32768"_s) /* 32 MiB: a Runs page of a million points */ && migrate();
    if (!ok) {
        const QString message = error_;
        close();
        error_ = message;
        return false;
    }
    interruptedOnOpen_ = markOrphanedRunsInterrupted();
    error_.clear();
    return true;
}

bool ProjectDatabase::identify() {
    const QString name = native(path_);
    const QString damaged = u"%1 is not a PEFT Studio project, or it is damaged"_s.arg(name);
    QSqlQuery q(db_);
    if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s) || !q.next())
        return fail(damaged, q.lastError().text());
    const qint64 tables = q.value(0).toLongLong();
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) return fail(damaged, q.lastError().text());
    const int version = q.value(0).toInt();
    if (tables == 0 && version == 0) return true; // an empty database: migrate() creates the schema

    if (!q.exec(u"SELECT value FROM meta WHERE key = 'format'"_s) || !q.next() ||
        q.value(0).toString() != QLatin1String(sql::kFormat))
        return fail(u"%1 is an SQLite database but not a PEFT Studio project (its meta table has no "
                    "format = %2)"_s.arg(name, QLatin1String(sql::kFormat)),
                    {});
    if (version > kSchemaVersion)
        return fail(u"%1 was written by a newer PEFT Studio (project schema version %2; this one reads up to %3); "
                    "update PEFT Studio to open it"_s.arg(name).arg(version).arg(kSchemaVersion),
                    {});

    // A truncated copy keeps a valid first page, so queries fail only when they reach the missing
    // pages. Without a WAL (a closed project) the file must hold every page its header counts.
    const QFileInfo wal(path_ + u"-wal"_s);
    if (!wal.exists() || wal.size() == 0) {
        qint64 pages = 0;
        qint64 pageSize = 0;
        if (q.exec(u"PRAGMA page_count"_s) && q.next()) pages = q.value(0).toLongLong();
        if (q.exec(u"PRAGMA page_size"_s) && q.next()) pageSize = q.value(0).toLongLong();
        if (QFileInfo(path_).size() < pages * pageSize)
            return fail(u"%1 is truncated (%2 bytes of %3): it was cut short while copying or saving; use a "
                        "backup or the original"_s.arg(name).arg(QFileInfo(path_).size()).arg(pages * pageSize),
                        {});
    }
    return true;
}

bool ProjectDatabase::migrate() {
    QSqlQuery q(db_);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return fail(u"%1: cannot read the schema version"_s.arg(native(path_)), q.lastError().text());
    const int version = q.value(0).toInt();
    const auto& steps = migrations();
    static_assert(kSchemaVersion >= 1);
    Q_ASSERT(steps.size() == kSchemaVersion);
    for (int from = version; from < kSchemaVersion; ++from) {
        if (!begin()) return false;
        for (const QString& statement : steps[from]) {
            if (!exec(statement)) {
                const QString message = error_;
                rollback();
                return fail(u"%1: migrating the project from schema version %2 to %3 failed"_s.arg(native(path_))
                                .arg(from)
                                .arg(from + 1),
                            message);
            }
        }
        if (!exec(u"PRAGMA user_version = %1"_s.arg(from + 1)) || !commit()) {
            const QString message = error_;
            rollback();
            return fail(u"%1: migrating the project failed"_s.arg(native(path_)), message);
        }
    }
    return true;
}

void ProjectDatabase::close() {
    if (db_.isOpen()) {
        checkpointWal();
        db_.close();
    }
    db_ = QSqlDatabase();
    if (!connection_.isEmpty()) QSqlDatabase::removeDatabase(connection_);
    connection_.clear();
}

bool ProjectDatabase::isOpen() const { return db_.isOpen(); }

QString ProjectDatabase::integrityCheck() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(u"PRAGMA integrity_check(20)"_s)) return q.lastError().text();
    QStringList problems;
    while (q.next()) problems << q.value(0).toString();
    return problems.isEmpty() ? u"no answer"_s : problems.join(u"; "_s);
}

int ProjectDatabase::schemaVersion() {
    QSqlQuery q(db_);
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : -1;
}

qint64 ProjectDatabase::dataVersion() {
    QSqlQuery q(db_);
    return q.exec(u"PRAGMA data_version"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

bool ProjectDatabase::saveCopyAs(const QString& target) {
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return fail(u"%1 already exists; remove it first or choose another name"_s.arg(native(absolute)), {});
    // VACUUM INTO writes a consistent snapshot; the .part name keeps a half-written copy from ever
    // looking like a project.
    const QString part = absolute + u".part"_s;
    QFile::remove(part);
    QSqlQuery q(db_);
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(part);
    if (!q.exec()) {
        const QString detail = q.lastError().text();
        QFile::remove(part);
        return fail(u"cannot save a copy as %1"_s.arg(native(absolute)), detail);
    }
    if (!QFile::rename(part, absolute)) {
        QFile::remove(part);
        return fail(u"cannot save a copy as %1: renaming %2 failed"_s.arg(native(absolute), native(part)), {});
    }
    return true;
}

void ProjectDatabase::checkpointWal() {
    if (!db_.isOpen()) return;
    QSqlQuery q(db_);
    q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

bool ProjectDatabase::begin() {
    if (!db_.transaction()) return fail(u"%1: cannot start a transaction"_s.arg(native(path_)), db_.lastError().text());
    return true;
}

bool ProjectDatabase::commit() {
    if (!db_.commit()) return fail(u"%1: cannot commit"_s.arg(native(path_)), db_.lastError().text());
    return true;
}

void ProjectDatabase::rollback() { db_.rollback(); }

// --- key/values -------------------------------------------------------------------------------

bool ProjectDatabase::setMeta(const QString& key, const QString& value) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s);
    q.addBindValue(sql::text(key));
    q.addBindValue(sql::text(value));
    return q.exec() || fail(u"%1: cannot write meta %2"_s.arg(native(path_), key), q.lastError().text());
}

QString ProjectDatabase::meta(const QString& key, const QString& fallback) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(sql::text(key));
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

bool ProjectDatabase::setUiState(const QString& key, const QJsonObject& value) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT OR REPLACE INTO ui_state(key, json) VALUES(?, ?)"_s);
    q.addBindValue(sql::text(key));
    q.addBindValue(sql::jsonText(value));
    return q.exec() || fail(u"%1: cannot save the UI state %2"_s.arg(native(path_), key), q.lastError().text());
}

QJsonObject ProjectDatabase::uiState(const QString& key) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT json FROM ui_state WHERE key = ?"_s);
    q.addBindValue(sql::text(key));
    return q.exec() && q.next() ? sql::jsonObject(q.value(0)) : QJsonObject();
}

QStringList ProjectDatabase::uiStateKeys() {
    QStringList keys;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (q.exec(u"SELECT key FROM ui_state ORDER BY key"_s))
        while (q.next()) keys << q.value(0).toString();
    return keys;
}

bool ProjectDatabase::saveRecipe(const QString& name, const QJsonObject& recipe) {
    QSqlQuery q(db_);
    q.prepare(u"INSERT OR REPLACE INTO recipes(name, json, updated_at) VALUES(?, ?, ?)"_s);
    q.addBindValue(sql::text(name));
    q.addBindValue(sql::jsonText(recipe));
    q.addBindValue(sql::nowText());
    return q.exec() || fail(u"%1: cannot save the recipe %2"_s.arg(native(path_), name), q.lastError().text());
}

QJsonObject ProjectDatabase::recipe(const QString& name) {
    QSqlQuery q(db_);
    q.prepare(u"SELECT json FROM recipes WHERE name = ?"_s);
    q.addBindValue(sql::text(name));
    return q.exec() && q.next() ? sql::jsonObject(q.value(0)) : QJsonObject();
}

QStringList ProjectDatabase::recipeNames() {
    QStringList names;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (q.exec(u"SELECT name FROM recipes ORDER BY name"_s))
        while (q.next()) names << q.value(0).toString();
    return names;
}

bool ProjectDatabase::removeRecipe(const QString& name) {
    QSqlQuery q(db_);
    q.prepare(u"DELETE FROM recipes WHERE name = ?"_s);
    q.addBindValue(sql::text(name));
    return q.exec() || fail(u"%1: cannot remove the recipe %2"_s.arg(native(path_), name), q.lastError().text());
}

bool ProjectDatabase::addReference(const ReferencedFile& file) {
    QSqlQuery q(db_);
    // An existing path keeps its added_at and gets the new hash.
    q.prepare(u"INSERT INTO file_refs(kind, path, hash, added_at) VALUES(?, ?, ?, ?)"
              " ON CONFLICT(kind, path) DO UPDATE SET hash = excluded.hash"_s);
    q.addBindValue(sql::text(file.kind));
    q.addBindValue(sql::text(file.path));
    q.addBindValue(sql::text(file.hash));
    q.addBindValue(file.addedAt.isValid() ? sql::timeText(file.addedAt) : sql::nowText());
    return q.exec() || fail(u"%1: cannot record %2"_s.arg(native(path_), native(file.path)), q.lastError().text());
}

QList<ReferencedFile> ProjectDatabase::references() {
    QList<ReferencedFile> files;
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (q.exec(u"SELECT kind, path, hash, added_at FROM file_refs ORDER BY kind, path"_s))
        while (q.next())
            files.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), sql::timeFrom(q.value(3))});
    return files;
}

} // namespace peft::project
