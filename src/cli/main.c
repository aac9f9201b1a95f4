#include <stdio.h>

#include "newsgraph.h"

int main(int argc, char **argv)
{
  printf("newsgraph %s\n", ng_version());
  return 0;
}
