// The archive ledger: what kanwu keeps of published documents so that a
// draft can be checked against everything already published without reading
// the archive again — each document's comparable figures (as the figure
// reader reads them), its paragraphs' duplicate-paragraph sketches, and the
// corrections (更正) published for it.
//
// A ledger is named by one string, LEDGER:
//   - a file path: an SQLite database, the embedded default (no server),
//     created by the first `add`;
//   - a postgresql:// (or postgres://) URL: a shared ledger in a PostgreSQL
//     database, for a newsroom's many editors and CI jobs.
// Both hold the same tables and answer the same SQL (one set of queries over
// the two connections in sql.h). The schema is versioned (ledger_schema) and
// migrated forward by whichever kanwu opens it; a ledger of a newer schema
// is refused with a LedgerError saying so.
//
// Writes are one transaction per document: a document is in the ledger with
// all its rows or not at all, also when kanwu is killed mid-way, and two
// writers at once each wait for the other (SQLite: WAL and a busy timeout;
// PostgreSQL: row locks).
//
// Reads for `kanwu check --ledger` (index lookups, never scans):
//   figures_in(groups)            figures by identity (ComparableFigure::group), with their blocks
//   paragraph_candidates(sketch)  near-copy candidates by exact hash and LSH band
//   corrections()                 the published corrections
// Each lookup reads one snapshot of the ledger (a read transaction): a
// document replaced meanwhile by `ledger add` is seen whole, as it was or as
// it is, never as a mix of the two.
// Every stored row names its document (name, title, publication date), so a
// finding against the archive can point at the archived place.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kanwu/kinds/paragraph_sketch.h"
#include "kanwu/ledger/shingle_code.h"
#include "kanwu/text/source.h"

namespace kanwu::ledger {

// Any failure of a ledger: cannot open or create it, not a ledger, a newer
// schema, a server that refuses or is down, an SQL error. what() names the
// ledger (a URL without its password). Nothing was half-written: the
// transaction that failed was rolled back.
class LedgerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The schema version this kanwu writes (ledger_schema.version).
inline constexpr int kSchemaVersion = 4;
// The shingle length of the stored paragraph sketches (duplicate-paragraph's
// default `shingle`): a rule configured with another length cannot use them.
inline constexpr std::size_t kSketchShingle = 3;

// ---- What is written: one document as `ledger add` records it ----

struct LedgerSentence {  // the sentence a stored figure stands in
  int block = 0;
  int index = 0;     // its order among the document's stored sentences
  std::string text;  // as written (the block's text, markup removed)
  // Byte spans of every figure of the sentence, relative to `text`: what
  // restatement evidence masks (kanwu/figures/restatement.h).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> figures;
};

struct LedgerClaim {  // a comparable figure (comparable_figures(): what figure-conflict compares)
  // ComparableFigure::group: the identity a draft's figure is looked up by.
  // Not stored as text: it follows from metric_key, subject, period and
  // unit (identify()); the ledger keeps its hash, indexed.
  std::string group;
  // Whether the figure is exact and what its passage states (kFigure*
  // below): the rest of its restatement evidence. Its co-figures are not
  // stored: they are the stored figures beside it in its block.
  std::uint32_t flags = 0;
  std::string metric_key, metric, role, subject, period, period_text, share_base;
  std::string unit;
  double value = 0, low = 0, high = 0;
  std::string text;  // as written: 16.4%
  Position start, end;
  int block = 0;
  int sentence = -1;  // index into LedgerDocument::sentences
  std::uint32_t offset = 0;  // byte offset of the figure in its sentence's text
};
inline constexpr std::uint32_t kFigureExact = 1, kFigureNamedIndicator = 2, kFigureSelfContained = 4, kFigurePlan = 8;
// How the figure's wording hedges it (Approx: 超过, 近, 约), two bits from here.
inline constexpr std::uint32_t kFigureHedgeShift = 4, kFigureHedgeMask = 3u << kFigureHedgeShift;

struct LedgerParagraph {  // a body or list paragraph duplicate-paragraph would index
  int block = 0;
  Position start, end;
  std::size_t sentences = 0;  // count_sentences() of its text
  ParagraphSketch sketch;
};

struct LedgerDocument {
  std::string name;   // the path as given, or --name
  std::string title;  // its first line
  // YYYY-MM-DD (YYYY-MM or YYYY when the document says no more)
  std::string published;
  std::string published_from;  // "option", "document" or "file"
  std::string source;          // --source, "" when not given
  std::string content_hash;    // of the file's bytes (ContentDigest, hex)
  // What read the figures (kanwu's version and the figure vocabulary's
  // digest): an unchanged text read by another reader is read again.
  std::string reader;
  std::uint64_t bytes = 0;
  std::vector<LedgerSentence> sentences;
  std::vector<LedgerClaim> claims;
  std::vector<LedgerParagraph> paragraphs;
};

// ---- What is read back ----

struct DocumentRef {  // where a stored row comes from
  std::string name, title, published;
};

struct StoredDocument {
  std::int64_t id = 0;
  DocumentRef ref;
  std::string published_from, source, content_hash, added_at;
  std::uint64_t bytes = 0;
  std::size_t claims = 0, paragraphs = 0, corrections = 0;
};

struct StoredClaim {
  DocumentRef document;
  LedgerClaim claim;         // claim.sentence is -1: the sentence is below
  LedgerSentence sentence;   // the sentence it stands in
};

// The stored figures of one block of a document, in document order, and
// which of them a lookup asked for: the others are their co-figures.
struct StoredBlock {
  std::vector<StoredClaim> figures;
  std::vector<std::size_t> asked;  // indexes into figures
};

struct StoredParagraph {
  DocumentRef document;
  int block = 0;
  Position start, end;
  std::size_t chars = 0, sentences = 0;
  ArchivedShingles shingles;      // as kept (shingle_code.h)
  std::size_t shared_bands = 0;  // LSH bands shared with the sketch looked up (kArchiveBands: all)
  double similarity = 0;         // shingle_jaccard with the sketch looked up (1: same text)
};

struct StoredCorrection {
  DocumentRef document;
  std::string was, now;
  std::string corrected_on;  // the correction's date (YYYY-MM-DD), "" when not given
  std::string added_at;
  // The figure `was` is, when it is one the document states (the claim whose
  // text is `was`): its identity, so a draft repeating it can be told.
  std::string group;
  std::string metric_key, subject, period, unit;
  std::optional<double> low, high;
};

struct LedgerStats {
  std::string backend;  // "sqlite" or "postgresql"
  int schema_version = 0;
  std::size_t documents = 0, claims = 0, paragraphs = 0, corrections = 0;
  std::size_t identities = 0;  // distinct figure identities (their hashes)
  std::uint64_t text_bytes = 0;     // the documents' sizes
  std::uint64_t storage_bytes = 0;  // the database's size (file or relations)
  std::size_t to_add_again = 0;     // Ledger::documents_to_add_again()
  std::string first_published, last_published;
  std::vector<std::pair<std::string, std::size_t>> sources;  // documents per source
};

enum class AddOutcome { Added, Replaced, Unchanged };

class SqlConnection;

class Ledger {
 public:
  // Opens LEDGER (see above). `create`: an SQLite file that does not exist
  // is created and an empty database gets the tables (`ledger add`);
  // otherwise a missing or empty ledger is an error. Throws LedgerError.
  static std::unique_ptr<Ledger> open(const std::string& ledger, bool create);
  // `migrate`: a ledger of an older schema is migrated (a command that
  // writes); otherwise it is refused with a LedgerError saying how to
  // upgrade it (a check, a list). open(ledger, create) migrates when it may
  // create.
  static std::unique_ptr<Ledger> open(const std::string& ledger, bool create, bool migrate);
  // The same over a connection already open (sql.h; `name` for messages):
  // tests interpose on the SQL a lookup runs.
  static std::unique_ptr<Ledger> open(std::unique_ptr<SqlConnection> connection, const std::string& name, bool create,
                                      bool migrate);
  ~Ledger();

  const std::string& name() const { return name_; }  // for messages (no password)

  // Records a document in one transaction: a new name is added; a known one
  // whose content hash and reader are unchanged is left exactly as it is (to
  // change its date or source, remove it and add it again); otherwise its
  // rows are replaced (its corrections are kept).
  AddOutcome add(const LedgerDocument& document);
  // Several add()s in one transaction, each still whole or absent (a
  // savepoint each): a commit per document writes the indexes' pages again
  // each time (random band keys touch a page each), most of `ledger add`'s
  // time. commit_batch() makes them durable; a batch not committed (a
  // kill, an error, the Ledger destroyed) leaves the ledger as before it.
  void begin_batch();
  void commit_batch();
  // Removes a document with all its rows, corrections included; false when
  // the ledger has no document of that name.
  bool remove(const std::string& name);
  // Documents recorded by an older kanwu whose rows a migration could not
  // keep (schema 3): they hold no figures or paragraphs until `ledger add`
  // reads them again.
  std::size_t documents_to_add_again();
  // Every document, by publication date then name.
  std::vector<StoredDocument> documents();
  LedgerStats stats();
  // Records a correction of document `name` (LedgerError when there is no
  // such document). Returns it as stored (with the figure it matched, if any).
  StoredCorrection correct(const std::string& name, const std::string& was, const std::string& now,
                           const std::string& date);

  // ---- Reads for `kanwu check --ledger` ----
  // The blocks holding stored figures whose group (ComparableFigure::group)
  // is one of `groups`: one index lookup per group (on its hash; at most 32
  // figures per group, the most recently published), then one per block
  // found. In document, line order.
  std::vector<StoredBlock> figures_in(const std::vector<std::string>& groups);
  // Every stored figure (for tools; a check looks up keys instead).
  std::vector<StoredClaim> all_claims();
  // Stored paragraphs that may be copies of `sketch` (made with
  // kSketchShingle): those with the same exact hash, then those sharing LSH
  // bands (at most 16 read per band, as duplicate-paragraph reads its own
  // index), the `limit` sharing the most, each with its Jaccard similarity.
  // Sorted by similarity, best first; the caller applies its threshold.
  std::vector<StoredParagraph> paragraph_candidates(const ParagraphSketch& sketch, std::size_t limit = 8);
  // Every published correction, oldest first.
  std::vector<StoredCorrection> corrections();

 private:
  Ledger(std::string name, std::unique_ptr<SqlConnection> connection);
  void ensure_schema(bool create, bool migrate);
  std::string name_;
  std::unique_ptr<SqlConnection> db_;
};

// True when LEDGER names a PostgreSQL database rather than an SQLite file.
bool is_postgresql_url(const std::string& ledger);
// LEDGER as messages show it: a URL's password replaced by ***.
std::string display_name(const std::string& ledger);

}  // namespace kanwu::ledger
