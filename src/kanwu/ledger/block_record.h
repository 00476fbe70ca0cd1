// A block's stored figures and the sentences they stand in, as the ledger
// keeps them: one compressed record per block (schema 4), read whole when a
// lookup finds any of its figures — the figure asked for and its co-figures
// are the block's figures anyway.
//
// Rows for each figure (schema 3) spent most of the ledger's size on text
// that is repeated within a block or can be made again: a figure known by
// its clause was keyed by the clause itself, which is its sentence's text
// masked (masked_clause()) less the words restated_clause() drops — kept as
// the places of the characters dropped and a 32-bit check of the key, so
// that reading a record needs no vocabulary, and a kanwu that masks
// otherwise reads no record rather than a wrong key; an unnamed figure's
// subject is its document's
// name; the sentences, metric names and period words of one paragraph repeat
// each other. A record keeps each sentence once, leaves out what can be made
// again from it (checked when written: what would not come back the same is
// kept as it is), and is deflated (zlib, raw): about half the bytes of the
// figure and sentence rows it replaces. What is looked up by — each
// figure's identity hash, day, document and block — stays in an index
// (ledger_figures) outside the records.
//
// Layout: one byte, the format (1), then a raw deflate stream of: the
// sentence count and each sentence (its text, its figure spans); the figure
// count and each figure (its sentence, +1, 0 for none; its offset in it; its
// flags and what was left out; its metric key, or the places dropped from
// its clause and the key's check; its other strings; its value, low and high as
// shortest round-trip decimals; its start and end). Numbers are LEB128
// varints, strings a varint length and the bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

struct BlockRecord {
  std::vector<LedgerSentence> sentences;  // LedgerClaim::sentence indexes these
  std::vector<LedgerClaim> figures;       // in the document's order
};

// A document's figures as records, one per block: each block's figures in
// order and the sentences they stand in (LedgerClaim::sentence re-indexed
// into its block's).
std::map<int, BlockRecord> block_records(const LedgerDocument& document);

// The record of one block's figures; `document` is the name the document is
// stored under (an unnamed figure's subject is "@" and that name).
std::string encode_block_record(const BlockRecord& record, std::string_view document);
// The record encode_block_record() wrote for `document`'s block `block`
// (LedgerClaim::group left empty: identify() makes it); nullopt for bytes it
// did not write (a row edited by hand, another format).
std::optional<BlockRecord> decode_block_record(std::string_view bytes, std::string_view document, int block);

}  // namespace kanwu::ledger
