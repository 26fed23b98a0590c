// The JSON loader's innermost loop: how far a string's plain run goes (no
// quote, backslash or control character) and how many columns it moves,
// counted in code points (UTF-8 continuation bytes do not move the column).
// Sixteen bytes at a time with SSE2 (baseline on x86-64), eight without.
#pragma once
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vpclint::json_scan {

inline bool plain(unsigned char c) { return c != '"' && c != '\\' && c >= 0x20; }

// The rest of a run byte by byte.
inline size_t plain_tail(const char* p, const char* q, const char* end, uint32_t& cols) {
    while (q < end && plain(static_cast<unsigned char>(*q))) {
        cols += (static_cast<unsigned char>(*q) & 0xC0) != 0x80;
        ++q;
    }
    return static_cast<size_t>(q - p);
}

// Bytes from p (before end) up to the first that is not plain; adds their
// code points to `cols`. Eight bytes at a time while they are all printable
// ASCII other than the quote and the backslash (most of a plan's text): the
// portable form, tested on every platform.
inline size_t plain_run_words(const char* p, const char* end, uint32_t& cols) {
    const char* q = p;
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero = [&](uint64_t v) { return (v - ones) & ~v & highs; };
    while (end - q >= 8) {
        uint64_t w;
        std::memcpy(&w, q, 8);
        if ((w & highs) || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\')) || ((w - ones * 0x20) & highs))
            break;
        cols += 8;
        q += 8;
    }
    return plain_tail(p, q, end, cols);
}

// The same, sixteen bytes at a time where SSE2 is there.
inline size_t plain_run(const char* p, const char* end, uint32_t& cols) {
#if defined(__SSE2__)
    const char* q = p;
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F), lead = _mm_set1_epi8(static_cast<char>(0xC0));
    while (end - q >= 16) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                    _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));  // x <= 0x1F
        // 0x80-0xBF are the signed bytes below (char)0xC0.
        auto cont = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(x, lead)));
        auto s = static_cast<uint32_t>(_mm_movemask_epi8(stop));
        // Without -mpopcnt a popcount is a call: most text is ASCII, with none to count.
        if (s == 0) {
            cols += 16;
            if (cont) cols -= static_cast<uint32_t>(__builtin_popcount(cont));
            q += 16;
            continue;
        }
        auto n = static_cast<uint32_t>(__builtin_ctz(s));
        cols += n;
        if (cont &= (1u << n) - 1) cols -= static_cast<uint32_t>(__builtin_popcount(cont));
        return static_cast<size_t>(q + n - p);
    }
    return plain_tail(p, q, end, cols);
#else
    return plain_run_words(p, end, cols);
#endif
}

}  // namespace vpclint::json_scan
