#ifndef NORMBOOK_CZLIB_SHIM_H
#define NORMBOOK_CZLIB_SHIM_H
#include <zlib.h>
#endif
