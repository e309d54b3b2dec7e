// Pango (text layout: line breaking, shaping, fonts through fontconfig) drawing with cairo
// into a PDF surface (fonts embedded as subsets). Swift imports these headers as they are.
#ifndef SEANCE_CPANGOCAIRO_SHIM_H
#define SEANCE_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#endif
