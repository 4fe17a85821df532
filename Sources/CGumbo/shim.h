#ifndef ECOSCORE_CGUMBO_SHIM_H
#define ECOSCORE_CGUMBO_SHIM_H
#include <gumbo.h>
#endif
