/* Including the libcurl glue without calling it must compile cleanly under -Werror, as C and as
 * C++ (tests/c/run.sh builds it both ways): every function in it is `static inline`. */
#include "smsc.h"
#include "smsc_curl.h"

int main(void) {
    return smsc_error_status(NULL) == SMSC_NULL_ARGUMENT ? 0 : 1;
}
