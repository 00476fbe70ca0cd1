#include "kanwu/doc/libzip.h"

#include <dlfcn.h>

#include <string>

#if !defined(KANWU_LIBZIP_SONAME) || !defined(KANWU_LIBZIP_PACKAGE)
#error "KANWU_LIBZIP_SONAME and KANWU_LIBZIP_PACKAGE (the libzip found at configure time) must be defined"
#endif

namespace kanwu {

namespace {

struct Loaded {
  LibZip functions;
  bool ok = false;
  std::string problem;
};

Loaded load() {
  Loaded out;
  // RTLD_LOCAL: libzip's symbols serve only these pointers. Never closed:
  // a Word document may be read again at any time.
  void* handle = ::dlopen(KANWU_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    out.problem = std::string(KANWU_LIBZIP_SONAME) + " cannot be loaded (" + (why ? why : "unknown error") +
                  "); install libzip (on Debian: apt install " KANWU_LIBZIP_PACKAGE ")";
    return out;
  }
  bool all = true;
#define KANWU_LIBZIP_RESOLVE(name)                                                        \
  out.functions.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));       \
  if (!out.functions.name) {                                                              \
    all = false;                                                                          \
    if (out.problem.empty()) out.problem = std::string(KANWU_LIBZIP_SONAME) + " has no " #name; \
  }
  KANWU_LIBZIP_FUNCTIONS(KANWU_LIBZIP_RESOLVE)
#undef KANWU_LIBZIP_RESOLVE
  out.ok = all;
  return out;
}

}  // namespace

const LibZip* libzip(const char*& problem) {
  static const Loaded loaded = load();
  problem = loaded.problem.c_str();
  return loaded.ok ? &loaded.functions : nullptr;
}

}  // namespace kanwu
