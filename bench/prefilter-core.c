/*
 * The core of the detection prefilter (src/detection/analyze.ts) in C, for
 * `npm run bench:prefilter-core`: the same loop as `coreScan` in bench/prefilter-core.ts, compiled
 * to WebAssembly (clang --target=wasm32) and to a native program (cc -O3 -march=native, with
 * -DNATIVE_MAIN), so that the three can be timed on the same messages.
 *
 * Per message: lower-case ASCII two units at a time, split into words of a–z and 0–9, count digits,
 * '@' and '.', and look each a–z word that its first letters and length do not rule out up in an
 * open-addressing table (FNV-1a hash, linear probing); a word found ORs its flags into the result.
 * A subset of the real prefilter's work: no folding of other scripts, no number-word groups, no
 * address hints, no phrase-rule offsets.
 */
typedef unsigned short u16;
typedef unsigned int u32;
typedef int i32;
typedef unsigned char u8;

#ifdef NATIVE_MAIN
#define EXPORT(name)
#else
#define EXPORT(name) __attribute__((export_name(name)))
#endif

#define BUF_UNITS (1 << 21)
#define MAX_SLOTS (1 << 16)
#define MAX_WORDS (1 << 14)
#define MAX_CHARS (1 << 18)

static u16 buf[BUF_UNITS];
static i32 slots[MAX_SLOTS];
static i32 offsets[MAX_WORDS + 1];
static i32 wflags[MAX_WORDS];
static u8 chars[MAX_CHARS];
static i32 shapes[26 * 27];
static u32 mask;
static u8 lower[128];
static u8 klass[128];
/* digits, '@', '.', words, words found, flags (XOR of each message's) */
static i32 totals[6];

EXPORT("buffer") u16 *buffer(void) { return buf; }
EXPORT("slotTable") i32 *slot_table(void) { return slots; }
EXPORT("offsetTable") i32 *offset_table(void) { return offsets; }
EXPORT("flagTable") i32 *flag_table(void) { return wflags; }
EXPORT("charTable") u8 *char_table(void) { return chars; }
EXPORT("shapeTable") i32 *shape_table(void) { return shapes; }
EXPORT("totalTable") i32 *total_table(void) { return totals; }

EXPORT("init") void init(u32 slot_mask) {
  mask = slot_mask;
  for (int c = 0; c < 128; c++) {
    lower[c] = (c >= 65 && c <= 90) ? c + 32 : c;
    klass[c] = (c >= 97 && c <= 122) ? 1 : (c >= 48 && c <= 57) ? 2 : 0;
  }
  for (int k = 0; k < 6; k++) totals[k] = 0;
}

/* The message of n units in buf: its flags. */
EXPORT("scan") i32 scan(i32 n) {
  u32 *pairs = (u32 *)buf;
  i32 half = n >> 1;
  for (i32 p = 0; p < half; p++) {
    u32 w = pairs[p];
    if ((w & ~0x007f007fu) == 0) {
      u32 capitals = (w + 0x003f003fu) & ~(w + 0x00250025u) & 0x00800080u;
      pairs[p] = w | (capitals >> 2);
    } else {
      u16 a = buf[2 * p], b = buf[2 * p + 1];
      if (a < 128) buf[2 * p] = lower[a];
      if (b < 128) buf[2 * p + 1] = lower[b];
    }
  }
  if (n & 1) {
    u16 a = buf[n - 1];
    if (a < 128) buf[n - 1] = lower[a];
  }
  i32 digits = 0, at = 0, dots = 0, words = 0, found = 0, flags = 0, i = 0;
  while (i < n) {
    u16 c = buf[i];
    if (c >= 128 || klass[c] == 0) {
      if (c == 64) at++;
      else if (c == 46) dots++;
      i++;
      continue;
    }
    i32 start = i, tokenDigits = 0;
    u32 h = 0x811c9dc5u;
    for (; i < n; i++) {
      u16 d = buf[i];
      if (d >= 97 && d <= 122) {
        h = (h ^ d) * 0x01000193u;
        continue;
      }
      if (d >= 48 && d <= 57) {
        tokenDigits++;
        h = (h ^ d) * 0x01000193u;
      } else break;
    }
    i32 len = i - start;
    digits += tokenDigits;
    words++;
    if (tokenDigits != 0 || len >= 32) continue;
    u16 c0 = buf[start], c1 = len > 1 ? buf[start + 1] : 0;
    if ((shapes[(c0 - 97) * 27 + ((c1 >= 97 && c1 <= 122) ? c1 - 97 : 26)] & (1 << len)) == 0) continue;
    for (u32 slot = (h ^ (h >> 15)) & mask;; slot = (slot + 1) & mask) {
      i32 k = slots[slot] - 1;
      if (k < 0) break;
      i32 o = offsets[k];
      if (offsets[k + 1] - o != len) continue;
      i32 j = 0;
      while (j < len && chars[o + j] == buf[start + j]) j++;
      if (j == len) {
        found++;
        flags |= wflags[k];
        break;
      }
    }
  }
  totals[0] += digits;
  totals[1] += at;
  totals[2] += dots;
  totals[3] += words;
  totals[4] += found;
  totals[5] ^= flags;
  return flags;
}

#ifdef NATIVE_MAIN
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, long *size) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  *size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = malloc(*size);
  if (fread(data, 1, *size, f) != (size_t)*size) exit(1);
  fclose(f);
  return data;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* prefilter-core CORPUS LEXICON ROUNDS: per round, "round MS"; then "totals A B C D E F". */
int main(int argc, char **argv) {
  if (argc != 4) return 2;
  long size, lexSize;
  char *corpus = slurp(argv[1], &size);
  char *lex = slurp(argv[2], &lexSize);
  i32 header[3];
  memcpy(header, lex, 12);
  i32 slotCount = header[0], wordCount = header[1], charCount = header[2];
  char *p = lex + 12;
  memcpy(slots, p, 4L * slotCount), p += 4L * slotCount;
  memcpy(offsets, p, 4L * (wordCount + 1)), p += 4L * (wordCount + 1);
  memcpy(wflags, p, 4L * wordCount), p += 4L * wordCount;
  memcpy(shapes, p, sizeof shapes), p += sizeof shapes;
  memcpy(chars, p, charCount);
  int rounds = atoi(argv[3]);
  for (int r = 0; r <= rounds; r++) {
    init(slotCount - 1);
    double t = now_ms();
    for (long q = 0; q < size;) {
      i32 n;
      memcpy(&n, corpus + q, 4);
      memcpy(buf, corpus + q + 4, 2L * n);
      scan(n);
      q += 4 + 2L * n;
    }
    /* round 0 warms the caches and is not reported */
    if (r > 0) printf("round %.3f\n", now_ms() - t);
  }
  printf("totals %d %d %d %d %d %d\n", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]);
  return 0;
}
#endif
