#include "lsp/debounce.h"

namespace kanwu::lsp {

void Debouncer::schedule(Clock::duration delay) {
  {
    std::lock_guard lock(mutex_);
    due_ = Clock::now() + delay;
  }
  changed_.notify_all();
}

bool Debouncer::wait() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopped_) return false;
    if (!due_) {
      changed_.wait(lock);
    } else if (Clock::now() >= *due_) {
      due_.reset();
      return true;
    } else {
      // Wakes at the deadline, or earlier when a new event moves it.
      const Clock::time_point due = *due_;
      changed_.wait_until(lock, due);
    }
  }
}

Debouncer::Wake Debouncer::wait_or_idle(Clock::duration idle) {
  std::unique_lock lock(mutex_);
  const Clock::time_point idle_at = Clock::now() + idle;
  for (;;) {
    if (stopped_) return Wake::Stopped;
    if (!due_) {
      if (changed_.wait_until(lock, idle_at) == std::cv_status::timeout && !due_ && !stopped_) return Wake::Idle;
    } else if (Clock::now() >= *due_) {
      due_.reset();
      return Wake::Due;
    } else {
      const Clock::time_point due = *due_;
      changed_.wait_until(lock, due);
    }
  }
}

void Debouncer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

}  // namespace kanwu::lsp
