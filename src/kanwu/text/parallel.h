// One way to spread a few large tasks over threads, for the places that cut
// one document's work in pieces (parsing, its rules).
#pragma once

#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace kanwu {

// Runs task(0) … task(count − 1), each on a thread of its own (task 0 on the
// calling thread), and returns when all are done. Tasks whose thread cannot
// be started run on the calling thread. The first exception (by task
// number) is rethrown once every task has finished.
template <typename Task>
void run_on_threads(std::size_t count, Task task) {
  std::vector<std::exception_ptr> failures(count);
  const auto run = [&](std::size_t k) {
    try {
      task(k);
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(count > 1 ? count - 1 : 0);  // emplace_back then throws nothing but a failure to start a thread
  std::size_t started = 1;
  for (; started < count; ++started) try {
      helpers.emplace_back(run, started);
    } catch (const std::system_error&) {
      break;
    }
  if (count > 0) run(0);
  for (std::size_t k = started; k < count; ++k) run(k);
  for (auto& h : helpers) h.join();
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);
}

}  // namespace kanwu
