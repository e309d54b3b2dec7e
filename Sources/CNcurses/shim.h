// What Swift cannot import from ncursesw by itself: the wide-character API needs these
// defines (SwiftPM drops pkg-config's -D_XOPEN_SOURCE), and the globals and attribute macros
// need getters (Swift 6 rejects shared mutable globals; function-like macros are not imported).
#ifndef SEANCE_CNCURSES_SHIM_H
#define SEANCE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t seance_a_bold(void) { return A_BOLD; }
static inline attr_t seance_a_reverse(void) { return A_REVERSE; }
static inline attr_t seance_a_underline(void) { return A_UNDERLINE; }
static inline attr_t seance_a_dim(void) { return A_DIM; }
static inline attr_t seance_a_normal(void) { return A_NORMAL; }
static inline int seance_key_f(int n) { return KEY_F(n); }
static inline int seance_colors(void) { return COLORS; }
static inline int seance_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int seance_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }

#endif
