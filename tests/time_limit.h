// Time limits for the "stays linear on hostile input" tests. Sanitizer builds (ASan/UBSan, and the
// clang build's fuzzer coverage instrumentation) run several times slower, so their limits are
// scaled; a quadratic blow-up on those inputs still exceeds the scaled limit many times over.
#pragma once

namespace ccscan::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr double k_time_scale = 4.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr double k_time_scale = 4.0;
#else
inline constexpr double k_time_scale = 1.0;
#endif
#else
inline constexpr double k_time_scale = 1.0;
#endif

inline constexpr double time_limit(double seconds) { return seconds * k_time_scale; }

}  // namespace ccscan::test
