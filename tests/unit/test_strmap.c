#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "util/strmap.h"

Test(strmap, put_get_and_first_value_stays)
{
  ng_strmap m = NG_STRMAP_INIT;
  int added;
  cr_assert_null(ng_strmap_gets(&m, "musk"), "an empty map finds nothing");
  size_t *v = ng_strmap_puts(&m, "musk", 7, &added);
  cr_assert(added);
  cr_assert_eq(*v, 7);
  v = ng_strmap_puts(&m, "musk", 9, &added);
  cr_assert_not(added, "a second put finds the first entry");
  cr_assert_eq(*v, 7);
  *v = 11;
  cr_assert_eq(*ng_strmap_gets(&m, "musk"), 11, "the value is writable in place");
  cr_assert_null(ng_strmap_gets(&m, "mus"));
  cr_assert_null(ng_strmap_gets(&m, "muskx"));
  ng_strmap_release(&m);
  cr_assert_eq(m.n, 0);
  cr_assert_null(ng_strmap_gets(&m, "musk"), "released means empty");
}

Test(strmap, keys_are_bytes_and_copied)
{
  ng_strmap m = NG_STRMAP_INIT;
  char key[8] = {'a', 0, 'b', 0, 'c', 0, 0, 0};
  ng_strmap_put(&m, key, 5, 1, NULL);
  ng_strmap_put(&m, key, 3, 2, NULL);
  key[0] = 'z'; /* the map keeps its own copy */
  char probe[8] = {'a', 0, 'b', 0, 'c', 0, 0, 0};
  cr_assert_eq(*ng_strmap_get(&m, probe, 5), 1);
  cr_assert_eq(*ng_strmap_get(&m, probe, 3), 2, "length is part of the key");
  cr_assert_null(ng_strmap_get(&m, key, 5));
  const char *stored = ng_strmap_key(&m, probe, 3);
  cr_assert_not_null(stored);
  cr_assert_eq(stored[3], '\0', "stored keys are terminated");
  ng_strmap_release(&m);
}

Test(strmap, grows_and_keeps_every_entry)
{
  ng_strmap m = NG_STRMAP_INIT;
  char k[32];
  for (size_t i = 0; i < 20000; i++) {
    int added;
    snprintf(k, sizeof(k), "name %zu", i);
    ng_strmap_puts(&m, k, i, &added);
    cr_assert(added);
  }
  cr_assert_eq(m.n, 20000);
  cr_assert_geq(m.cap, 2 * m.n, "at most half full");
  for (size_t i = 0; i < 20000; i++) {
    snprintf(k, sizeof(k), "name %zu", i);
    size_t *v = ng_strmap_gets(&m, k);
    cr_assert_not_null(v);
    cr_assert_eq(*v, i);
  }
  ng_strmap_release(&m);
}
