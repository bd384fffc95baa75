#ifndef NORMBOOK_COPENSSL_SHIM_H
#define NORMBOOK_COPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
