// cairo with its PDF surface, and FreeType so fonts load from exact TTF files.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
