#include "kanwu/ledger/runtime_libs.h"

#include <dlfcn.h>

#include <string>

#if !defined(KANWU_SQLITE_SONAME) || !defined(KANWU_SQLITE_PACKAGE) || !defined(KANWU_LIBPQ_SONAME) || \
    !defined(KANWU_LIBPQ_PACKAGE)
#error "the SONAMEs and packages of SQLite and libpq found at configure time must be defined"
#endif

namespace kanwu::ledger {

namespace {

template <typename Functions>
struct Loaded {
  Functions functions;
  bool ok = false;
  std::string problem;
};

// RTLD_LOCAL: the library's symbols serve only these pointers. Never
// closed: a ledger may be opened again at any time.
void* open_library(const char* soname, const char* package, std::string& problem) {
  void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    problem = std::string(soname) + " cannot be loaded (" + (why ? why : "unknown error") +
              "); install it (on Debian: apt install " + package + ")";
  }
  return handle;
}

#define KANWU_LEDGER_RESOLVE(name)                                                       \
  out.functions.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));      \
  if (!out.functions.name) {                                                             \
    all = false;                                                                         \
    if (out.problem.empty()) out.problem = std::string(soname) + " has no " #name;       \
  }

Loaded<LibSqlite3> load_sqlite() {
  Loaded<LibSqlite3> out;
  const char* soname = KANWU_SQLITE_SONAME;
  void* handle = open_library(soname, KANWU_SQLITE_PACKAGE, out.problem);
  if (!handle) return out;
  bool all = true;
  KANWU_SQLITE_FUNCTIONS(KANWU_LEDGER_RESOLVE)
  out.ok = all;
  return out;
}

Loaded<LibPq> load_libpq() {
  Loaded<LibPq> out;
  const char* soname = KANWU_LIBPQ_SONAME;
  void* handle = open_library(soname, KANWU_LIBPQ_PACKAGE, out.problem);
  if (!handle) return out;
  bool all = true;
  KANWU_LIBPQ_FUNCTIONS(KANWU_LEDGER_RESOLVE)
  out.ok = all;
  return out;
}
#undef KANWU_LEDGER_RESOLVE

}  // namespace

const LibSqlite3* libsqlite3(const char*& problem) {
  static const Loaded<LibSqlite3> loaded = load_sqlite();
  problem = loaded.problem.c_str();
  return loaded.ok ? &loaded.functions : nullptr;
}

const LibPq* libpq(const char*& problem) {
  static const Loaded<LibPq> loaded = load_libpq();
  problem = loaded.problem.c_str();
  return loaded.ok ? &loaded.functions : nullptr;
}

}  // namespace kanwu::ledger
