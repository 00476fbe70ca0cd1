// When the checker thread should run next. Typing sends a didChange per
// keystroke; each one moves the run 300 ms later, so a check starts only
// once the writer pauses. Open, save and close ask for a run at once.
// The checker sleeps on a condition variable until then; when idle it
// wakes once in a while (wait_or_idle) to look whether .kanwu.yaml changed,
// as not every editor says so.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace kanwu::lsp {

class Debouncer {
 public:
  using Clock = std::chrono::steady_clock;

  // Asks for a run `delay` from now, replacing any earlier request: the
  // latest event decides.
  void schedule(Clock::duration delay);
  // Blocks until a requested run is due (true) or stop() is called (false).
  bool wait();
  enum class Wake { Due, Idle, Stopped };
  // As wait(), and Idle when `idle` passed with no run requested.
  Wake wait_or_idle(Clock::duration idle);
  void stop();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Clock::time_point> due_;
  bool stopped_ = false;
};

}  // namespace kanwu::lsp
