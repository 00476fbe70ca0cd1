// Writing fixes into files without ever damaging one: see fix_file in
// apply.h for what is promised. The file I/O lives here; apply.cpp only
// computes texts.
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include "kanwu/fix/apply.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, const char* what, int error = errno) {
  throw std::runtime_error(fmt::format("{}: {}: {}", path, what, std::strerror(error)));
}

// Refusals are not I/O errors: the file is fine, kanwu will not touch it.
struct Refusal {
  std::string why;
};

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// What a write by someone else changes (an in-place save changes the size
// or the modification time, a save by rename the inode).
bool unchanged(const struct stat& a, const struct stat& b) {
  return same_file(a, b) && a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ctim.tv_sec == b.st_ctim.tv_sec &&
         a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now, reporting the error a delayed write shows there.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

// Temporary files are named so in the target's folder.
constexpr std::string_view kTemporaryPrefix = ".kanwu-fix-";

// Removes the temporary files a killed kanwu left in `dir`: where the file
// system has no O_TMPFILE the new text is written under a name, and even
// with it the file is named an instant before the rename. A writer holds
// an flock on its temporary file until the rename, and the kernel drops it
// when the writer dies; so a temporary file that can be locked is nobody's.
// (One just made by mkostemp is not yet locked: empty and young, it is
// left alone.) Once per folder and run: fixing a thousand files in one
// folder does not read it a thousand times.
void sweep_once(const fs::path& dir) {
  static std::mutex mutex;
  static std::set<std::string> swept;
  {
    std::lock_guard lock(mutex);
    if (!swept.insert(dir.string()).second) return;
  }
  DIR* listing = ::opendir(dir.c_str());
  if (!listing) return;
  const int dfd = ::dirfd(listing);
  while (const struct dirent* entry = ::readdir(listing)) {
    const std::string_view name = entry->d_name;
    if (!name.starts_with(kTemporaryPrefix)) continue;
    const FileDescriptor fd(::openat(dfd, entry->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (st.st_size == 0 && ::time(nullptr) - st.st_mtim.tv_sec < 60) continue;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) continue;  // its writer is alive
    // Renamed into place meanwhile, its name may already be another's.
    struct stat named {};
    if (::fstatat(dfd, entry->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 && same_file(named, st))
      ::unlinkat(dfd, entry->d_name, 0);
  }
  ::closedir(listing);
}

// A file opened and locked for fixing: the path a symbolic link leads to,
// its descriptor holding an exclusive flock, and its status once read.
class LockedFile {
 public:
  LockedFile(const std::string& path, bool exclusive) : shown_(path) {
    std::error_code ec;
    // A link is written through: its target is what changes.
    target_ = fs::canonical(path, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: cannot be opened: {}", path, ec.message()));
    // Locks are taken on an open file; the file a previous fixer renamed
    // into place while this one waited is a new file, opened again.
    for (int attempt = 0;; ++attempt) {
      fd_ = std::make_unique<FileDescriptor>(::open(target_.c_str(), O_RDONLY | O_CLOEXEC));
      if (fd_->get() < 0) fail(shown_, "cannot be opened");
      while (::flock(fd_->get(), exclusive ? LOCK_EX : LOCK_SH) != 0)
        if (errno != EINTR) fail(shown_, "cannot be locked");
      struct stat now {};
      if (::fstat(fd_->get(), &status_) != 0) fail(shown_, "cannot stat");
      if (::stat(target_.c_str(), &now) == 0 && same_file(now, status_)) break;
      if (attempt == 100) throw std::runtime_error(fmt::format("{}: keeps being replaced; not fixed", shown_));
    }
    if (!S_ISREG(status_.st_mode)) throw Refusal{"not a regular file"};
  }

  const struct stat& status() const { return status_; }

  std::string read() {
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(status_.st_size));
    std::size_t got = 0;
    for (;;) {
      if (got == bytes.size()) bytes.resize(bytes.size() + 65536);
      const ssize_t n = ::pread(fd_->get(), bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(shown_, "cannot be read");
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    // The status the final check compares with: as it was when read.
    if (::fstat(fd_->get(), &status_) != 0) fail(shown_, "cannot stat");
    return bytes;
  }

  // Replaces the file's content. The lock is held throughout.
  void replace(const std::string& content) {
    sweep_once(target_.parent_path());
    if (status_.st_nlink > 1)
      throw Refusal{fmt::format("it has {} hard links, and writing it would split them (the other names would "
                                "keep the old text); review the fixes with --diff and apply them by hand",
                                status_.st_nlink)};
    const fs::path dir = target_.parent_path();
    Temporary temp(dir, shown_);
    std::size_t written = 0;
    while (written < content.size()) {
      const ssize_t n = ::write(temp.fd(), content.data() + written, content.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(shown_, "write failed");
      }
      written += static_cast<std::size_t>(n);
    }
    // Owner and group first (chown clears set-id bits), then the mode.
    if (::fchown(temp.fd(), status_.st_uid, status_.st_gid) != 0) {
      struct stat made {};
      if (::fstat(temp.fd(), &made) != 0) fail(shown_, "cannot stat the temporary file");
      if (made.st_uid != status_.st_uid || made.st_gid != status_.st_gid)
        throw Refusal{fmt::format("its owner or group ({}:{}) could not be kept by this user", status_.st_uid,
                                  status_.st_gid)};
    }
    if (::fchmod(temp.fd(), status_.st_mode & 07777) != 0) fail(shown_, "cannot keep the file mode");
    if (::fsync(temp.fd()) != 0) fail(shown_, "fsync failed");
    // The last check: an editor that saved meanwhile (in place or by
    // rename; editors take no flock) keeps its text.
    struct stat now {}, at_path {};
    if (::fstat(fd_->get(), &now) != 0) fail(shown_, "cannot stat");
    if (!unchanged(status_, now) || ::stat(target_.c_str(), &at_path) != 0 || !same_file(at_path, status_))
      throw Refusal{"it was changed while the fixes were being written; check it again"};
    temp.rename_over(target_);
    // Make the rename itself durable.
    const FileDescriptor dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() >= 0) ::fsync(dfd.get());
  }

 private:
  // The new text's file, in the target's folder (a rename does not cross
  // file systems). Unnamed until it is renamed over the target where the
  // file system supports O_TMPFILE: a kill leaves nothing behind. Removed
  // on every other way out.
  class Temporary {
   public:
    Temporary(const fs::path& dir, const std::string& shown) : dir_(dir), shown_(shown) {
      fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
      if (fd_ < 0) {
        name_ = (dir / (std::string(kTemporaryPrefix) + "XXXXXX")).string();
        fd_ = ::mkostemp(name_.data(), O_CLOEXEC);
        if (fd_ < 0) fail(shown_, "cannot create a temporary file");
      }
      // Held until the file is renamed over the target or removed: a
      // temporary file nobody holds is one a killed kanwu left (swept).
      while (::flock(fd_, LOCK_EX) != 0)
        if (errno != EINTR) fail(shown_, "cannot lock the temporary file");
    }
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;
    ~Temporary() {
      if (!name_.empty()) ::unlink(name_.c_str());
      if (fd_ >= 0) ::close(fd_);
      if (lock_fd_ >= 0) ::close(lock_fd_);
    }
    int fd() const { return fd_; }

    void rename_over(const fs::path& target) {
      if (name_.empty()) {
        // Give the unnamed file a name (a fresh one: linkat does not
        // replace), then rename it over the target at once.
        for (unsigned n = 0;; ++n) {
          std::string name = (dir_ / fmt::format("{}{}-{}", kTemporaryPrefix, ::getpid(), n)).string();
          const std::string proc = fmt::format("/proc/self/fd/{}", fd_);
          if (::linkat(fd_, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0 ||
              ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            name_ = std::move(name);
            break;
          }
          if (errno != EEXIST || n > 100) fail(shown_, "cannot name the temporary file");
        }
      }
      // Closed before the rename (a delayed write error shows at close);
      // a duplicate keeps the lock on the named file until it is renamed.
      lock_fd_ = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
      if (::close(fd_) != 0) {
        fd_ = -1;
        fail(shown_, "close failed");
      }
      fd_ = -1;
      if (::rename(name_.c_str(), target.c_str()) != 0) fail(shown_, "rename failed");
      name_.clear();
    }

   private:
    fs::path dir_;
    const std::string& shown_;
    std::string name_;  // "" while unnamed
    int fd_ = -1;
    int lock_fd_ = -1;
  };

  std::string shown_;  // the name the editor gave
  fs::path target_;
  std::unique_ptr<FileDescriptor> fd_;
  struct stat status_ {};
};

}  // namespace

std::map<std::string, std::vector<const Finding*>> fixes_by_file(const std::vector<Finding>& findings,
                                                                 FixSelection selection) {
  std::map<std::string, std::vector<const Finding*>> per_file;
  for (const Finding& f : findings)
    if (f.fix && (selection == FixSelection::All || f.fix->safe())) per_file[f.where.file].push_back(&f);
  return per_file;
}

FileFixes fix_file(const std::string& file, std::vector<const Finding*> fixes, const ContentDigest* checked,
                   FixMode mode) {
  FileFixes plan;
  plan.file = file;
  const auto refuse = [&](std::string why) {
    plan.fixed = plan.original;
    plan.applied.clear();
    plan.skipped = std::move(fixes);
    plan.refused = std::move(why);
    return std::move(plan);
  };
  try {
    LockedFile locked(file, mode == FixMode::Write);
    plan.original = locked.read();
    if (checked && ContentDigest::of(plan.original) != *checked)
      return refuse("the file changed since it was checked (saved by an editor, or fixed by another kanwu run); "
                    "nothing was written: check it again");
    // Fix offsets are offsets in UTF-8 text; a file decoded from another
    // encoding is left alone rather than damaged.
    const std::size_t bom = plan.original.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    if (utf8::first_invalid(std::string_view(plan.original).substr(bom)) != std::string_view::npos) {
      plan.refusal_expected = true;
      return refuse("the file is not UTF-8; convert it to UTF-8 to apply fixes");
    }
    FileFixes applied = apply_fixes(std::move(plan.original), fixes);
    applied.file = file;
    plan = std::move(applied);
    if (plan.fixed == plan.original) return plan;
    if (!only_fix_spans_changed(plan)) return refuse("internal check failed (text outside the fixes would change)");
    if (mode == FixMode::Write) {
      locked.replace(plan.fixed);
      plan.written = true;
    }
    return plan;
  } catch (Refusal& r) {
    return refuse(std::move(r.why));
  }
}

std::vector<FileFixes> plan_fixes(const std::vector<Finding>& findings, FixSelection selection) {
  std::vector<FileFixes> plans;
  for (auto& [file, fixes] : fixes_by_file(findings, selection))
    plans.push_back(fix_file(file, std::move(fixes), nullptr, FixMode::Preview));
  return plans;
}

void write_atomically(const std::string& path, const std::string& content) {
  try {
    LockedFile locked(path, true);
    locked.read();
    locked.replace(content);
  } catch (const Refusal& r) {
    throw std::runtime_error(fmt::format("{}: not written: {}", path, r.why));
  }
}

}  // namespace kanwu
