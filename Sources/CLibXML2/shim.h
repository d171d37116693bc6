#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its ICU headers clash with the ICU copy
// inside Foundation. We never touch ICU encoding handlers, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlreader.h>

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void robinson_xml_free(void *pointer) { xmlFree(pointer); }
