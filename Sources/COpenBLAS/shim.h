#ifndef NORMBOOK_COPENBLAS_SHIM_H
#define NORMBOOK_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
