// `kanwu ledger`: the archive ledger of published documents (add, remove,
// list, stats, correct). The storage is kanwu/ledger/store.h.
#pragma once

#include <string>
#include <vector>

namespace kanwu::cli {

struct LedgerOptions {
  std::string ledger;  // --ledger; "" → `ledger:` of the configuration
  std::string config;  // --config; "" → the nearest .kanwu.yaml from the current folder
  std::string format = "text";  // list, stats: text or json
  // add
  std::vector<std::string> paths;
  std::string published, source, name, encoding;
  // remove
  std::vector<std::string> names;
  // correct
  std::string document, was, now, date;
};

int run_ledger_add(const LedgerOptions& options);
int run_ledger_remove(const LedgerOptions& options);
int run_ledger_list(const LedgerOptions& options);
int run_ledger_stats(const LedgerOptions& options);
int run_ledger_correct(const LedgerOptions& options);

}  // namespace kanwu::cli
