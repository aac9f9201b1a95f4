# Turn report.css and report.js into report_assets.h: each file as a C
# string, plus the base64 SHA-256 of its bytes, which report.html's
# Content-Security-Policy names so that only this style and this script
# may run in the page.  Run by the build:
#   cmake -DCSS=report.css -DJS=report.js -DOUT=report_assets.h -P report_assets.cmake

# Base64 of the bytes written as hex digits (CSP hashes are base64).
function(hex_to_base64 hex out)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(LENGTH "${hex}" n)
  set(result "")
  set(i 0)
  while(i LESS n)
    math(EXPR left "${n} - ${i}")
    if(left GREATER_EQUAL 6)
      set(take 6)
    else()
      set(take ${left})
    endif()
    string(SUBSTRING "${hex}" ${i} ${take} chunk)
    # Pad the group to three bytes; the '=' below marks what was padding.
    if(take EQUAL 2)
      set(chunk "${chunk}0000")
    elseif(take EQUAL 4)
      set(chunk "${chunk}00")
    endif()
    math(EXPR v "0x${chunk}")
    foreach(shift 18 12 6 0)
      math(EXPR k "(${v} >> ${shift}) & 63")
      string(SUBSTRING "${alphabet}" ${k} 1 c)
      string(APPEND result "${c}")
    endforeach()
    if(take EQUAL 2)
      string(REGEX REPLACE "..$" "==" result "${result}")
    elseif(take EQUAL 4)
      string(REGEX REPLACE ".$" "=" result "${result}")
    endif()
    math(EXPR i "${i} + 6")
  endwhile()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# name: the C identifier; file: the source.  Appends to `header`.
function(embed name file)
  file(READ "${file}" text)
  string(SHA256 hex "${text}")
  hex_to_base64("${hex}" b64)
  # An array of lines, one C string each, NULL at the end: ISO C only
  # promises string literals of 4095 bytes.  '?' is escaped too: C17
  # still reads trigraphs such as "??/" in strict mode.
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "?" "\\?" text "${text}")
  string(REPLACE "\n" "\\n\",\n    \"" text "${text}")
  string(TOUPPER "${name}" upper)
  string(APPEND header
    "static const char *const ng_report_${name}[] = {\n    \"${text}\", NULL};\n"
    "#define NG_REPORT_${upper}_SHA256 \"${b64}\"\n\n")
  set(header "${header}" PARENT_SCOPE)
endfunction()

set(header "/* Generated from report.css and report.js by report_assets.cmake: do not edit. */\n\n")
embed(css "${CSS}")
embed(js "${JS}")
file(WRITE "${OUT}" "${header}")
