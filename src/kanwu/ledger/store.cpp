#include "kanwu/ledger/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include "kanwu/figures/comparable.h"
#include "kanwu/ledger/block_record.h"
#include "kanwu/ledger/shingle_code.h"
#include "kanwu/ledger/sql.h"
#include "kanwu/text/cache_file.h"

namespace kanwu::ledger {

namespace {

// Schema migrations: kMigrations[v - 1] takes a ledger from version v - 1
// to v. Append; never edit a released one (ledgers in use were made by it).
// {id}, {blob} and {without_rowid} are the dialect's (SqlConnection::dialect).
// Columns named for SQL keywords are spelled out: col, offset_in_sentence.
constexpr std::string_view kMigrations[] = {
    // 1: documents, their sentences with figures, figures, paragraph
    // sketches with their LSH bands, corrections.
    R"sql(
CREATE TABLE ledger_documents (
  id {id},
  name TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  published TEXT NOT NULL,
  published_from TEXT NOT NULL,
  source TEXT,
  content_hash TEXT NOT NULL,
  reader TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX ledger_documents_published ON ledger_documents (published);
CREATE TABLE ledger_sentences (
  id {id},
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  block INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  figures TEXT NOT NULL
);
CREATE INDEX ledger_sentences_document ON ledger_sentences (document_id);
CREATE TABLE ledger_claims (
  id {id},
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  sentence_id BIGINT REFERENCES ledger_sentences (id) ON DELETE CASCADE,
  metric_key TEXT NOT NULL,
  metric TEXT NOT NULL,
  role TEXT NOT NULL,
  qualifiers TEXT NOT NULL,
  subject TEXT NOT NULL,
  period TEXT NOT NULL,
  period_text TEXT NOT NULL,
  share_base TEXT NOT NULL,
  unit TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION NOT NULL,
  high DOUBLE PRECISION NOT NULL,
  text TEXT NOT NULL,
  block INTEGER NOT NULL,
  offset_in_sentence INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL
);
CREATE INDEX ledger_claims_metric ON ledger_claims (metric_key);
CREATE INDEX ledger_claims_document ON ledger_claims (document_id);
CREATE INDEX ledger_claims_sentence ON ledger_claims (sentence_id);
CREATE TABLE ledger_paragraphs (
  id {id},
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  block INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL,
  chars INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  exact_hash BIGINT NOT NULL,
  shingles {blob} NOT NULL
);
CREATE INDEX ledger_paragraphs_exact ON ledger_paragraphs (exact_hash);
CREATE INDEX ledger_paragraphs_document ON ledger_paragraphs (document_id);
CREATE TABLE ledger_paragraph_bands (
  band_key BIGINT NOT NULL,
  paragraph_id BIGINT NOT NULL REFERENCES ledger_paragraphs (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, paragraph_id)
){without_rowid};
CREATE INDEX ledger_paragraph_bands_paragraph ON ledger_paragraph_bands (paragraph_id);
CREATE TABLE ledger_corrections (
  id {id},
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  was TEXT NOT NULL,
  now TEXT NOT NULL,
  corrected_on TEXT,
  added_at TEXT NOT NULL,
  metric_key TEXT,
  subject TEXT,
  period TEXT,
  unit TEXT,
  low DOUBLE PRECISION,
  high DOUBLE PRECISION
);
CREATE INDEX ledger_corrections_document ON ledger_corrections (document_id);
CREATE INDEX ledger_corrections_metric ON ledger_corrections (metric_key);
)sql",
    // 2: `kanwu check --ledger`: each figure's identity as figure-conflict
    // groups figures (ComparableFigure::group) and its restatement evidence;
    // a correction's figure by that identity. Rows of version 1 have none
    // and are not compared until their document is added again.
    R"sql(
ALTER TABLE ledger_claims ADD COLUMN figure_group TEXT;
ALTER TABLE ledger_claims ADD COLUMN evidence TEXT;
CREATE INDEX ledger_claims_group ON ledger_claims (figure_group);
ALTER TABLE ledger_corrections ADD COLUMN figure_group TEXT;
)sql",
    // 3: a third of the size. A figure's group and co-figures are derived
    // again when read (figure_row.h), not stored with every figure (the
    // co-figures' JSON was 400 bytes a figure, the clause of an unnamed
    // metric was stored four times); a group is looked up by its hash (the
    // index holds each figure's publication day, document and block too, so
    // a lookup finds the latest blocks to read without reading any row);
    // paragraph shingles are Rice-coded gaps; band keys are 32-bit and a
    // document's bands are found again from its shingles, not by a second
    // index (nor a foreign key, whose cascade would need that index: a
    // document's bands are deleted with it, explicitly). The rows of version
    // 2 cannot be converted in SQL (the hashes
    // are kanwu's): they are deleted, each document is marked to be read
    // again (reader ''), and `kanwu ledger add` of it restores them; until
    // then `check --ledger` and `ledger stats` say how many wait.
    R"sql(
DELETE FROM ledger_paragraph_bands;
DELETE FROM ledger_paragraphs;
DELETE FROM ledger_claims;
DELETE FROM ledger_sentences;
UPDATE ledger_documents SET reader = '';
DROP INDEX ledger_claims_group;
DROP INDEX ledger_claims_metric;
DROP INDEX ledger_claims_document;
DROP INDEX ledger_paragraph_bands_paragraph;
DROP TABLE ledger_paragraph_bands;
CREATE TABLE ledger_paragraph_bands (
  band_key BIGINT NOT NULL,
  paragraph_id BIGINT NOT NULL,
  PRIMARY KEY (band_key, paragraph_id)
){without_rowid};
ALTER TABLE ledger_claims DROP COLUMN figure_group;
ALTER TABLE ledger_claims DROP COLUMN evidence;
ALTER TABLE ledger_claims DROP COLUMN qualifiers;
ALTER TABLE ledger_claims ADD COLUMN group_hash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_claims ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_claims ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ledger_claims_group ON ledger_claims (group_hash, published, document_id, block);
CREATE INDEX ledger_claims_block ON ledger_claims (document_id, block);
CREATE INDEX ledger_documents_to_add_again ON ledger_documents (reader) WHERE reader = '';
)sql",
    // 4: the ledger within the text's size. Paragraph shingles keep the
    // bits their count needs (12…16, not 16: shingle_code.h) and the LSH
    // bands are six of three values made from every paragraph's 12-bit
    // shingles (eight of four before). A block's figures and their
    // sentences are one compressed record (block_record.h) instead of a row
    // per figure and per sentence; what a lookup is made by — each figure's
    // identity hash, day, document and block — is an index of its own
    // (ledger_figures, no rowid: the table is the index), and a block's row
    // names the identity hashes it is indexed under outside its record
    // (groups), so its index rows are found again without reading the
    // record (a record that does not decode would leave them behind). The
    // records are
    // a table with rowids (an index finds a block's): a table without
    // rowids keeps a thousand bytes of a row in its page and spills the rest,
    // which left a quarter of the records' pages empty. Neither can be made
    // from version 3's rows in SQL: they are deleted and each document waits
    // to be added again, as in version 3.
    R"sql(
DELETE FROM ledger_paragraph_bands;
DELETE FROM ledger_paragraphs;
DROP INDEX ledger_claims_group;
DROP INDEX ledger_claims_block;
DROP INDEX ledger_claims_sentence;
DROP TABLE ledger_claims;
DROP INDEX ledger_sentences_document;
DROP TABLE ledger_sentences;
CREATE TABLE ledger_figure_blocks (
  id {id},
  document_id BIGINT NOT NULL REFERENCES ledger_documents (id) ON DELETE CASCADE,
  block INTEGER NOT NULL,
  figures INTEGER NOT NULL,
  groups {blob} NOT NULL,
  record {blob} NOT NULL
);
CREATE UNIQUE INDEX ledger_figure_blocks_block ON ledger_figure_blocks (document_id, block);
CREATE TABLE ledger_figures (
  group_hash BIGINT NOT NULL,
  published INTEGER NOT NULL,
  document_id BIGINT NOT NULL,
  block INTEGER NOT NULL,
  PRIMARY KEY (group_hash, published, document_id, block)
){without_rowid};
UPDATE ledger_documents SET reader = '';
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

// Paragraph candidates read per LSH band: text shared by thousands of
// archived paragraphs (a standard closing sentence) cannot make a lookup
// read them all (duplicate-paragraph's own kMaxCandidates).
constexpr std::int64_t kCandidatesPerBand = 16;
// Archived figures read per identity, the most recently published first: a
// metric restated in hundreds of articles (a national growth rate) cannot
// make a draft's check read them all; a draft disagreeing with what was
// published lately is found among these.
constexpr std::size_t kFiguresPerGroup = 32;

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// 64-bit hashes are stored as the signed integers both databases have.
std::int64_t as_stored(std::uint64_t hash) { return static_cast<std::int64_t>(hash); }

// A band key as stored: 32 bits of it (a band shared by chance is only a
// candidate, measured before it is reported), so the band table's rows
// are half as long.
std::int64_t band_stored(std::uint64_t key) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(key ^ (key >> 32)));
}

// Identity hashes as a block's row keeps them: 8 bytes each, little-endian.
std::string pack_hashes(const std::set<std::int64_t>& hashes) {
  std::string out;
  for (const std::int64_t h : hashes)
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((static_cast<std::uint64_t>(h) >> (8 * i)) & 0xff));
  return out;
}

std::vector<std::int64_t> unpack_hashes(std::string_view bytes) {
  std::vector<std::int64_t> out;
  for (std::size_t at = 0; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t h = 0;
    for (int i = 0; i < 8; ++i) h |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    out.push_back(static_cast<std::int64_t>(h));
  }
  return out;
}

// A publication date as the figures' index orders it: YYYYMMDD (a month or
// a year alone with 00 for what it does not say, so before its days), 0
// when unknown.
std::int64_t published_day(const std::string& date) {
  std::int64_t parts[3] = {0, 0, 0};
  std::size_t part = 0;
  for (const char ch : date) {
    if (ch == '-') {
      if (++part == 3) break;
    } else if (ch >= '0' && ch <= '9') {
      parts[part] = parts[part] * 10 + (ch - '0');
    } else {
      return 0;
    }
  }
  return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

// A group as looked up: its hash (the text follows from the row, identify()).
std::int64_t group_stored(const std::string& group) { return as_stored(cache::hash(group)); }

Position position(SqlStatement& q, int line_column, int col_column) {
  Position p;
  p.line = static_cast<int>(q.integer(line_column));
  p.column = static_cast<int>(q.integer(col_column));
  return p;
}

// A block's figure record with its document, as the lookups read it.
constexpr std::string_view kFigureBlockColumns =
    "d.name, d.title, d.published, b.block, b.record FROM ledger_figure_blocks b "
    "JOIN ledger_documents d ON d.id = b.document_id";

// The figures of a record row (kFigureBlockColumns), each with its
// sentence; none when the record does not decode (edited by hand).
std::vector<StoredClaim> read_figure_block(SqlStatement& q) {
  const DocumentRef document{q.text(0), q.text(1), q.text(2)};
  const int block = static_cast<int>(q.integer(3));
  auto record = decode_block_record(q.blob(4), document.name, block);
  std::vector<StoredClaim> out;
  if (!record) return out;
  for (LedgerClaim& c : record->figures) {
    StoredClaim row;
    row.document = document;
    if (c.sentence >= 0) row.sentence = record->sentences[static_cast<std::size_t>(c.sentence)];
    c.sentence = -1;
    c.group = figure_group(c.metric_key, c.subject, c.period, c.unit, (c.flags & kFigurePlan) != 0);
    row.claim = std::move(c);
    out.push_back(std::move(row));
  }
  return out;
}

// The figures of one document, block by block, in its order.
std::vector<StoredClaim> document_figures(SqlConnection& db, std::int64_t id) {
  auto q = db.prepare(fmt::format("SELECT {} WHERE b.document_id = $1 ORDER BY b.block", kFigureBlockColumns));
  q->bind(1, id);
  std::vector<StoredClaim> out;
  while (q->next())
    for (StoredClaim& c : read_figure_block(*q)) out.push_back(std::move(c));
  return out;
}

constexpr std::string_view kParagraphColumns =
    "d.name, d.title, d.published, p.id, p.block, p.line, p.col, p.end_line, p.end_col, p.chars, p.sentences, "
    "p.shingles FROM ledger_paragraphs p JOIN ledger_documents d ON d.id = p.document_id";

StoredParagraph read_paragraph(SqlStatement& q) {
  StoredParagraph out;
  out.document = {q.text(0), q.text(1), q.text(2)};
  out.block = static_cast<int>(q.integer(4));
  out.start = position(q, 5, 6);
  out.end = position(q, 7, 8);
  out.chars = static_cast<std::size_t>(q.integer(9));
  out.sentences = static_cast<std::size_t>(q.integer(10));
  // A blob that does not decode (edited by hand) measures as no shingles.
  out.shingles = decode_shingles(q.blob(11)).value_or(ArchivedShingles{});
  return out;
}

constexpr std::string_view kCorrectionColumns =
    "d.name, d.title, d.published, r.was, r.now, r.corrected_on, r.added_at, r.metric_key, r.subject, "
    "r.period, r.unit, r.low, r.high, coalesce(r.figure_group, '') FROM ledger_corrections r JOIN ledger_documents d ON d.id = r.document_id";

StoredCorrection read_correction(SqlStatement& q) {
  StoredCorrection out;
  out.document = {q.text(0), q.text(1), q.text(2)};
  out.was = q.text(3);
  out.now = q.text(4);
  out.corrected_on = q.text(5);
  out.added_at = q.text(6);
  out.metric_key = q.text(7);
  out.subject = q.text(8);
  out.period = q.text(9);
  out.unit = q.text(10);
  if (!q.is_null(11)) out.low = q.real(11);
  if (!q.is_null(12)) out.high = q.real(12);
  out.group = q.text(13);
  return out;
}

// The rows a document owns besides its corrections, deleted before its
// rows are written again (explicitly, not by ON DELETE CASCADE alone, so
// the order is the same in both databases).
void delete_document_rows(SqlConnection& db, std::int64_t id) {
  {
    // A paragraph's band rows are found again from its shingles (the band
    // table has no index by paragraph: it would be as large as the table).
    std::vector<std::pair<std::int64_t, std::string>> paragraphs;
    auto q = db.prepare("SELECT id, shingles FROM ledger_paragraphs WHERE document_id = $1");
    q->bind(1, id);
    while (q->next()) paragraphs.emplace_back(q->integer(0), q->blob(1));
    auto band = db.prepare("DELETE FROM ledger_paragraph_bands WHERE band_key = $1 AND paragraph_id = $2");
    for (const auto& [paragraph, blob] : paragraphs) {
      const auto shingles = decode_shingles(blob);
      if (!shingles) continue;
      for (const std::uint64_t key : archive_band_keys(shingles->values, shingles->bits)) {
        band->reset();
        band->bind(1, band_stored(key));
        band->bind(2, paragraph);
        band->run();
      }
    }
  }
  {
    // A block's index rows are found again by the hashes its row names
    // (the index is by identity, not by document), whatever the day they
    // were filed under.
    std::vector<std::pair<std::int64_t, std::string>> blocks;
    auto q = db.prepare("SELECT block, groups FROM ledger_figure_blocks WHERE document_id = $1");
    q->bind(1, id);
    while (q->next()) blocks.emplace_back(q->integer(0), q->blob(1));
    auto row = db.prepare("DELETE FROM ledger_figures WHERE group_hash = $1 AND document_id = $2 AND block = $3");
    for (const auto& [block, groups] : blocks)
      for (const std::int64_t hash : unpack_hashes(groups)) {
        row->reset();
        row->bind(1, hash);
        row->bind(2, id);
        row->bind(3, block);
        row->run();
      }
  }
  for (const char* sql : {"DELETE FROM ledger_paragraphs WHERE document_id = $1",
                          "DELETE FROM ledger_figure_blocks WHERE document_id = $1"}) {
    auto q = db.prepare(sql);
    q->bind(1, id);
    q->run();
  }
}

}  // namespace

bool is_postgresql_url(const std::string& ledger) {
  return ledger.starts_with("postgresql://") || ledger.starts_with("postgres://");
}

// A URL's password is never printed: postgresql://user:secret@host/db →
// postgresql://user:***@host/db, and password=… in its query.
std::string display_name(const std::string& ledger) {
  if (!is_postgresql_url(ledger)) return ledger;
  std::string out = ledger;
  const std::size_t authority = out.find("://") + 3;
  const std::size_t at = out.find('@', authority);
  const std::size_t slash = out.find('/', authority);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    const std::size_t colon = out.find(':', authority);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    const std::size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
  }
  return out;
}

Ledger::Ledger(std::string name, std::unique_ptr<SqlConnection> connection)
    : name_(std::move(name)), db_(std::move(connection)) {}

Ledger::~Ledger() {
  if (db_ && db_->batch_open) db_->rollback();  // an uncommitted batch leaves the ledger as before it
}

std::unique_ptr<Ledger> Ledger::open(const std::string& ledger, bool create) { return open(ledger, create, create); }

std::unique_ptr<Ledger> Ledger::open(const std::string& ledger, bool create, bool migrate) {
  if (ledger.empty()) throw LedgerError("no ledger given");
  const std::string name = display_name(ledger);
  auto connection = is_postgresql_url(ledger) ? open_postgresql(ledger, name) : open_sqlite(ledger, create, name);
  return open(std::move(connection), name, create, migrate);
}

std::unique_ptr<Ledger> Ledger::open(std::unique_ptr<SqlConnection> connection, const std::string& name, bool create,
                                     bool migrate) {
  std::unique_ptr<Ledger> out(new Ledger(name, std::move(connection)));
  out->ensure_schema(create, migrate);
  return out;
}

void Ledger::ensure_schema(bool create, bool migrate) {
  const auto version = [&] {
    auto q = db_->prepare("SELECT max(version) FROM ledger_schema");
    return q->next() && !q->is_null(0) ? static_cast<int>(q->integer(0)) : 0;
  };
  const auto newer = [&](int v) {
    return LedgerError(fmt::format("{}: the ledger has schema version {}, newer than this kanwu's ({}): "
                                   "upgrade kanwu to use it",
                                   name_, v, kSchemaVersion));
  };
  if (db_->has_table("ledger_schema")) {
    const int v = version();
    if (v > kSchemaVersion) throw newer(v);
    // A migration writes to the ledger (schema 3's deletes the rows of the
    // old form): never from a read — a check, a list — only from a command
    // that writes, told by its user to change the ledger.
    if (v < kSchemaVersion && !migrate)
      throw LedgerError(fmt::format("{}: the ledger has schema version {}, older than this kanwu's ({}): "
                                    "`kanwu ledger add` upgrades it (documents added before are then read again "
                                    "when they are added again; `kanwu ledger stats` counts them)",
                                    name_, v, kSchemaVersion));
    db_->configure_for_writes();
    if (v == kSchemaVersion) return;
  } else {
    // Checked before anything is written: another application's database
    // is left exactly as it was.
    if (db_->has_foreign_tables())
      throw LedgerError(fmt::format("{}: not a kanwu ledger: an SQLite database with other tables", name_));
    if (!create)
      throw LedgerError(
          fmt::format("{}: not a kanwu ledger yet (no ledger tables); `kanwu ledger add` creates them", name_));
    db_->configure_for_writes();
  }
  WriteTransaction tx(*db_);
  db_->lock_schema();
  // Another kanwu may have created or migrated it since the check above.
  if (!db_->has_table("ledger_schema"))
    db_->execute("CREATE TABLE ledger_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const int from = version();
  if (from > kSchemaVersion) throw newer(from);
  for (int v = from + 1; v <= kSchemaVersion; ++v) {
    db_->execute(db_->dialect(kMigrations[v - 1]));
    auto q = db_->prepare("INSERT INTO ledger_schema (version, applied_at) VALUES ($1, $2)");
    q->bind(1, static_cast<std::int64_t>(v));
    q->bind(2, now_utc());
    q->run();
  }
  tx.commit();
}

void Ledger::begin_batch() {
  if (db_->batch_open) return;
  db_->begin_write();
  db_->batch_open = true;
}

void Ledger::commit_batch() {
  if (!db_->batch_open) return;
  db_->batch_open = false;
  db_->commit();
}

AddOutcome Ledger::add(const LedgerDocument& doc) {
  WriteTransaction tx(*db_);
  const std::string find = fmt::format(
      "SELECT id, content_hash, reader FROM ledger_documents WHERE name = $1{}", db_->for_update());
  std::int64_t id = 0;
  bool known = false;
  const auto look_up = [&] {
    auto q = db_->prepare(find);
    q->bind(1, doc.name);
    if (!q->next()) return false;
    id = q->integer(0);
    known = true;
    return q->text(1) == doc.content_hash && q->text(2) == doc.reader;
  };
  if (look_up()) return AddOutcome::Unchanged;  // the transaction is rolled back: nothing was written
  const auto bind_document = [&](SqlStatement& q) {
    q.bind(1, doc.name);
    q.bind(2, doc.title);
    q.bind(3, doc.published);
    q.bind(4, doc.published_from);
    q.bind_optional(5, doc.source);
    q.bind(6, doc.content_hash);
    q.bind(7, doc.reader);
    q.bind(8, static_cast<std::int64_t>(doc.bytes));
    q.bind(9, now_utc());
  };
  if (!known) {
    // Another writer may add the same name meanwhile: the insert then does
    // nothing (PostgreSQL waits for that writer's commit), and the row is
    // read again, locked, as a known one.
    auto q = db_->prepare(
        "INSERT INTO ledger_documents (name, title, published, published_from, source, content_hash, reader, bytes, "
        "added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (name) DO NOTHING RETURNING id");
    bind_document(*q);
    if (q->next()) {
      id = q->integer(0);
    } else if (look_up()) {
      return AddOutcome::Unchanged;
    }
  }
  const bool replaced = known;
  if (known) {
    // A new version without --source keeps the source the first one was given.
    auto q = db_->prepare(
        "UPDATE ledger_documents SET name = $1, title = $2, published = $3, published_from = $4, "
        "source = coalesce($5, source), "
        "content_hash = $6, reader = $7, bytes = $8, added_at = $9 WHERE id = $10");
    bind_document(*q);
    q->bind(10, id);
    q->run();
    delete_document_rows(*db_, id);
  }

  {
    const std::map<int, BlockRecord> blocks = block_records(doc);
    auto q = db_->prepare(
        "INSERT INTO ledger_figure_blocks (document_id, block, figures, groups, record) VALUES ($1, $2, $3, $4, $5)");
    // Two figures of one identity in one block are one index row: the
    // lookup reads the block whole.
    auto index = db_->prepare(
        "INSERT INTO ledger_figures (group_hash, published, document_id, block) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT DO NOTHING");
    const std::int64_t published = published_day(doc.published);
    for (const auto& [block, record] : blocks) {
      std::set<std::int64_t> groups;
      for (const LedgerClaim& c : record.figures) groups.insert(group_stored(c.group));
      q->reset();
      q->bind(1, id);
      q->bind(2, static_cast<std::int64_t>(block));
      q->bind(3, static_cast<std::int64_t>(record.figures.size()));
      q->bind_blob(4, pack_hashes(groups));
      q->bind_blob(5, encode_block_record(record, doc.name));
      q->run();
      for (const std::int64_t group : groups) {
        index->reset();
        index->bind(1, group);
        index->bind(2, published);
        index->bind(3, id);
        index->bind(4, static_cast<std::int64_t>(block));
        index->run();
      }
    }
  }
  {
    auto paragraph = db_->prepare(
        "INSERT INTO ledger_paragraphs (document_id, block, line, col, end_line, end_col, chars, sentences, "
        "exact_hash, shingles) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
    // A paragraph whose bands collide (two bands with one key) is stored
    // under the key once.
    auto band = db_->prepare(
        "INSERT INTO ledger_paragraph_bands (band_key, paragraph_id) VALUES ($1, $2) ON CONFLICT DO NOTHING");
    for (const LedgerParagraph& p : doc.paragraphs) {
      paragraph->reset();
      paragraph->bind(1, id);
      paragraph->bind(2, static_cast<std::int64_t>(p.block));
      paragraph->bind(3, static_cast<std::int64_t>(p.start.line));
      paragraph->bind(4, static_cast<std::int64_t>(p.start.column));
      paragraph->bind(5, static_cast<std::int64_t>(p.end.line));
      paragraph->bind(6, static_cast<std::int64_t>(p.end.column));
      paragraph->bind(7, static_cast<std::int64_t>(p.sketch.chars));
      paragraph->bind(8, static_cast<std::int64_t>(p.sentences));
      paragraph->bind(9, as_stored(p.sketch.exact));
      paragraph->bind_blob(10, encode_shingles(archive_shingles(p.sketch.shingles)));
      if (!paragraph->next()) throw LedgerError(fmt::format("{}: a paragraph was not stored", name_));
      const std::int64_t paragraph_id = paragraph->integer(0);
      paragraph->run();
      for (const std::uint64_t key : archive_band_keys(p.sketch.shingles, 16)) {
        band->reset();
        band->bind(1, band_stored(key));
        band->bind(2, paragraph_id);
        band->run();
      }
    }
  }
  tx.commit();
  return replaced ? AddOutcome::Replaced : AddOutcome::Added;
}

bool Ledger::remove(const std::string& name) {
  WriteTransaction tx(*db_);
  auto find = db_->prepare(fmt::format("SELECT id FROM ledger_documents WHERE name = $1{}", db_->for_update()));
  find->bind(1, name);
  if (!find->next()) return false;
  const std::int64_t id = find->integer(0);
  find->run();
  delete_document_rows(*db_, id);
  for (const char* sql : {"DELETE FROM ledger_corrections WHERE document_id = $1", "DELETE FROM ledger_documents WHERE id = $1"}) {
    auto q = db_->prepare(sql);
    q->bind(1, id);
    q->run();
  }
  tx.commit();
  return true;
}

std::vector<StoredDocument> Ledger::documents() {
  auto q = db_->prepare(
      "SELECT d.id, d.name, d.title, d.published, d.published_from, d.source, d.content_hash, d.added_at, d.bytes, "
      "(SELECT coalesce(sum(b.figures), 0) FROM ledger_figure_blocks b WHERE b.document_id = d.id), "
      "(SELECT count(*) FROM ledger_paragraphs p WHERE p.document_id = d.id), "
      "(SELECT count(*) FROM ledger_corrections r WHERE r.document_id = d.id) "
      "FROM ledger_documents d ORDER BY d.published, d.name");
  std::vector<StoredDocument> out;
  while (q->next()) {
    StoredDocument d;
    d.id = q->integer(0);
    d.ref = {q->text(1), q->text(2), q->text(3)};
    d.published_from = q->text(4);
    d.source = q->text(5);
    d.content_hash = q->text(6);
    d.added_at = q->text(7);
    d.bytes = static_cast<std::uint64_t>(q->integer(8));
    d.claims = static_cast<std::size_t>(q->integer(9));
    d.paragraphs = static_cast<std::size_t>(q->integer(10));
    d.corrections = static_cast<std::size_t>(q->integer(11));
    out.push_back(std::move(d));
  }
  return out;
}

std::size_t Ledger::documents_to_add_again() {
  // Asked by every `check --ledger`: a partial index holds only the
  // documents waiting, so this is no scan of the archive.
  auto q = db_->prepare("SELECT count(*) FROM ledger_documents WHERE reader = ''");
  return q->next() ? static_cast<std::size_t>(q->integer(0)) : 0;
}

LedgerStats Ledger::stats() {
  LedgerStats s;
  s.backend = std::string(db_->backend());
  const auto count = [&](std::string_view sql) {
    auto q = db_->prepare(sql);
    return q->next() && !q->is_null(0) ? static_cast<std::size_t>(q->integer(0)) : std::size_t{0};
  };
  s.schema_version = static_cast<int>(count("SELECT max(version) FROM ledger_schema"));
  s.documents = count("SELECT count(*) FROM ledger_documents");
  s.claims = count("SELECT sum(figures) FROM ledger_figure_blocks");
  s.identities = count("SELECT count(DISTINCT group_hash) FROM ledger_figures");
  s.paragraphs = count("SELECT count(*) FROM ledger_paragraphs");
  s.corrections = count("SELECT count(*) FROM ledger_corrections");
  s.text_bytes = count("SELECT sum(bytes) FROM ledger_documents");
  s.storage_bytes = db_->storage_bytes();
  s.to_add_again = documents_to_add_again();
  {
    auto q = db_->prepare("SELECT min(published), max(published) FROM ledger_documents");
    if (q->next() && !q->is_null(0)) s.first_published = q->text(0), s.last_published = q->text(1);
  }
  auto q = db_->prepare(
      "SELECT coalesce(source, ''), count(*) FROM ledger_documents GROUP BY coalesce(source, '') ORDER BY 1");
  while (q->next()) s.sources.emplace_back(q->text(0), static_cast<std::size_t>(q->integer(1)));
  return s;
}

StoredCorrection Ledger::correct(const std::string& name, const std::string& was, const std::string& now,
                                 const std::string& date) {
  WriteTransaction tx(*db_);
  auto find = db_->prepare(fmt::format("SELECT id FROM ledger_documents WHERE name = $1{}", db_->for_update()));
  find->bind(1, name);
  if (!find->next()) throw LedgerError(fmt::format("{}: no document named {} in the ledger", name_, name));
  const std::int64_t id = find->integer(0);
  find->run();
  // The figure `was` is: a stored figure of the document written exactly
  // so, else one whose text `was` contains (增长16.4% holds 16.4%) — when
  // all such figures are one identity.
  StoredCorrection out;
  out.was = was;
  out.now = now;
  out.corrected_on = date;
  {
    struct Match {
      std::string key, subject, period, unit;
      double low, high;
      bool exact;
      std::string group;
    };
    std::vector<Match> matches;
    std::vector<StoredClaim> figures = document_figures(*db_, id);
    std::stable_sort(figures.begin(), figures.end(), [](const StoredClaim& a, const StoredClaim& b) {
      return std::tie(a.claim.start.line, a.claim.start.column) < std::tie(b.claim.start.line, b.claim.start.column);
    });
    for (StoredClaim& figure : figures) {
      LedgerClaim& c = figure.claim;
      if (c.text.empty() || was.find(c.text) == std::string::npos) continue;
      const bool exact = c.text == was;
      matches.push_back({std::move(c.metric_key), std::move(c.subject), std::move(c.period), std::move(c.unit), c.low,
                         c.high, exact, std::move(c.group)});
    }
    if (std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.exact; }))
      std::erase_if(matches, [](const Match& m) { return !m.exact; });
    const bool one_identity =
        !matches.empty() && std::all_of(matches.begin(), matches.end(), [&](const Match& m) {
          return m.key == matches[0].key && m.subject == matches[0].subject && m.period == matches[0].period;
        });
    if (one_identity) {
      out.metric_key = matches[0].key;
      out.group = matches[0].group;
      out.subject = matches[0].subject;
      out.period = matches[0].period;
      out.unit = matches[0].unit;
      out.low = matches[0].low;
      out.high = matches[0].high;
    }
  }
  out.added_at = now_utc();
  auto insert = db_->prepare(
      "INSERT INTO ledger_corrections (document_id, was, now, corrected_on, added_at, metric_key, subject, period, "
      "unit, low, high, figure_group) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
  insert->bind(1, id);
  insert->bind(2, was);
  insert->bind(3, now);
  insert->bind_optional(4, date);
  insert->bind(5, out.added_at);
  insert->bind_optional(6, out.metric_key);
  insert->bind_optional(7, out.subject);
  insert->bind_optional(8, out.period);
  insert->bind_optional(9, out.unit);
  if (out.low) insert->bind(10, *out.low);
  else insert->bind_null(10);
  if (out.high) insert->bind(11, *out.high);
  else insert->bind_null(11);
  insert->bind_optional(12, out.group);
  insert->run();
  tx.commit();
  auto doc = db_->prepare("SELECT name, title, published FROM ledger_documents WHERE id = $1");
  doc->bind(1, id);
  if (doc->next()) out.document = {doc->text(0), doc->text(1), doc->text(2)};
  return out;
}

std::vector<StoredBlock> Ledger::figures_in(const std::vector<std::string>& groups) {
  const std::set<std::string> wanted(groups.begin(), groups.end());
  // Several statements: a document replaced between them would give a
  // lookup old blocks and new ones.
  ReadTransaction tx(*db_);
  // One index query per group: the blocks holding its figures (at most 32,
  // the most recently published), each block's record read once, whole —
  // the figures asked for and their co-figures.
  auto hits = db_->prepare(
      "SELECT document_id, block FROM ledger_figures WHERE group_hash = $1 "
      "ORDER BY published DESC, document_id DESC LIMIT $2");
  auto record = db_->prepare(
      fmt::format("SELECT {} WHERE b.document_id = $1 AND b.block = $2", kFigureBlockColumns));
  struct Rows {
    std::vector<StoredClaim> figures;
    std::set<std::size_t> asked;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, Rows> blocks;  // by (document id, block)
  for (const std::string& group : wanted) {
    hits->reset();
    hits->bind(1, group_stored(group));
    hits->bind(2, static_cast<std::int64_t>(kFiguresPerGroup));
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    while (hits->next()) found.emplace_back(hits->integer(0), hits->integer(1));
    for (const auto& where : found) {
      const auto [it, fresh] = blocks.try_emplace(where);
      Rows& rows = it->second;
      if (fresh) {
        record->reset();
        record->bind(1, where.first);
        record->bind(2, where.second);
        if (record->next()) rows.figures = read_figure_block(*record);
        record->run();
      }
      // The hash found the block; a figure's identity, derived as a run
      // derives it, must be the group itself (two groups may share a hash).
      for (std::size_t i = 0; i < rows.figures.size(); ++i)
        if (rows.figures[i].claim.group == group) rows.asked.insert(i);
    }
  }
  std::vector<StoredBlock> out;
  for (auto& [where, rows] : blocks) {
    if (rows.asked.empty()) continue;
    StoredBlock block;
    block.asked.assign(rows.asked.begin(), rows.asked.end());
    block.figures = std::move(rows.figures);
    out.push_back(std::move(block));
  }
  tx.commit();
  std::sort(out.begin(), out.end(), [](const StoredBlock& a, const StoredBlock& b) {
    const LedgerClaim& x = a.figures.front().claim;
    const LedgerClaim& y = b.figures.front().claim;
    return std::tie(a.figures.front().document.name, x.start.line, x.start.column) <
           std::tie(b.figures.front().document.name, y.start.line, y.start.column);
  });
  return out;
}

std::vector<StoredClaim> Ledger::all_claims() {
  auto q = db_->prepare(fmt::format("SELECT {} ORDER BY d.name, b.block", kFigureBlockColumns));
  std::vector<StoredClaim> out;
  while (q->next())
    for (StoredClaim& c : read_figure_block(*q)) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const StoredClaim& a, const StoredClaim& b) {
    return std::tie(a.document.name, a.claim.start.line, a.claim.start.column) <
           std::tie(b.document.name, b.claim.start.line, b.claim.start.column);
  });
  return out;
}

std::vector<StoredParagraph> Ledger::paragraph_candidates(const ParagraphSketch& sketch, std::size_t limit) {
  // The ids the bands name are read by later statements: one snapshot, or
  // a paragraph replaced meanwhile is lost.
  ReadTransaction tx(*db_);
  std::vector<StoredParagraph> out;
  std::set<std::int64_t> seen;
  {
    auto q = db_->prepare(fmt::format("SELECT {} WHERE p.exact_hash = $1 ORDER BY d.published, d.name, p.line LIMIT $2",
                                      kParagraphColumns));
    q->bind(1, as_stored(sketch.exact));
    q->bind(2, static_cast<std::int64_t>(limit));
    while (q->next()) {
      seen.insert(q->integer(3));
      StoredParagraph p = read_paragraph(*q);
      p.shared_bands = kArchiveBands;
      p.similarity = 1.0;
      out.push_back(std::move(p));
    }
  }
  std::map<std::int64_t, std::size_t> shared;  // paragraph id → bands shared
  {
    auto q = db_->prepare("SELECT paragraph_id FROM ledger_paragraph_bands WHERE band_key = $1 LIMIT $2");
    for (const std::uint64_t key : archive_band_keys(sketch.shingles, 16)) {
      q->reset();
      q->bind(1, band_stored(key));
      q->bind(2, kCandidatesPerBand);
      while (q->next())
        if (!seen.contains(q->integer(0))) ++shared[q->integer(0)];
    }
  }
  std::vector<std::pair<std::size_t, std::int64_t>> ranked;  // (shared bands, id)
  for (const auto& [id, n] : shared) ranked.emplace_back(n, id);
  const std::size_t verify = std::min(ranked.size(), limit > out.size() ? limit - out.size() : 0);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(verify), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  auto q = db_->prepare(fmt::format("SELECT {} WHERE p.id = $1", kParagraphColumns));
  for (std::size_t i = 0; i < verify; ++i) {
    q->reset();
    q->bind(1, ranked[i].second);
    if (!q->next()) continue;
    StoredParagraph p = read_paragraph(*q);
    p.shared_bands = ranked[i].first;
    p.similarity = archived_jaccard(sketch.shingles, p.shingles);
    out.push_back(std::move(p));
  }
  tx.commit();
  std::stable_sort(out.begin(), out.end(),
                   [](const StoredParagraph& a, const StoredParagraph& b) { return a.similarity > b.similarity; });
  return out;
}

std::vector<StoredCorrection> Ledger::corrections() {
  auto q = db_->prepare(fmt::format("SELECT {} ORDER BY r.id", kCorrectionColumns));
  std::vector<StoredCorrection> out;
  while (q->next()) out.push_back(read_correction(*q));
  return out;
}

}  // namespace kanwu::ledger
