# tree-sitter runtime and grammars, compiled from the C sources that `npm ci --ignore-scripts`
# puts under third_party/tree-sitter/node_modules (pinned by the committed package-lock.json).
set(TS_NODE_MODULES ${CMAKE_SOURCE_DIR}/third_party/tree-sitter/node_modules)
if(NOT EXISTS ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c)
  message(FATAL_ERROR "tree-sitter sources missing: run `make deps` (npm ci --ignore-scripts in third_party/tree-sitter)")
endif()

# Every C source compiled below must be listed, with its SHA-256, in
# third_party/tree-sitter/sources.sha256 (sha256sum format, paths under node_modules/): the lock
# file pins the packages, this record pins the bytes the build uses. A source that differs or is
# not listed stops the configure step. Regenerate the record only when the lock file changes.
set(TS_SOURCES_SHA256 ${CMAKE_SOURCE_DIR}/third_party/tree-sitter/sources.sha256)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${TS_SOURCES_SHA256}
  ${CMAKE_SOURCE_DIR}/third_party/tree-sitter/package-lock.json)
file(STRINGS ${TS_SOURCES_SHA256} _ts_sha_lines)
set(_ts_pinned)
foreach(line ${_ts_sha_lines})
  if(NOT line MATCHES "^([0-9a-f]+)  (.+)$")
    message(FATAL_ERROR "${TS_SOURCES_SHA256}: malformed line '${line}'")
  endif()
  set(_want ${CMAKE_MATCH_1})
  set(_rel ${CMAKE_MATCH_2})
  if(NOT EXISTS ${TS_NODE_MODULES}/${_rel})
    message(FATAL_ERROR "tree-sitter source ${_rel} is missing: run `make deps`")
  endif()
  file(SHA256 ${TS_NODE_MODULES}/${_rel} _got)
  if(NOT _got STREQUAL _want)
    message(FATAL_ERROR "tree-sitter source ${_rel} has SHA-256 ${_got}, but ${TS_SOURCES_SHA256} pins ${_want}: "
      "the installed grammar sources are not the pinned ones (run `make deps`, or regenerate the record if the lock file changed on purpose)")
  endif()
  list(APPEND _ts_pinned ${_rel})
endforeach()

set(TS_GRAMMAR_DIRS
  tree-sitter-python/src
  tree-sitter-javascript/src
  tree-sitter-typescript/typescript/src
  tree-sitter-typescript/tsx/src
  tree-sitter-java/src
  tree-sitter-c-sharp/src
  tree-sitter-go/src
  tree-sitter-php/php/src
  tree-sitter-ruby/src
  @tree-sitter-grammars/tree-sitter-hcl/src)

set(TS_SOURCES ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c)
foreach(dir ${TS_GRAMMAR_DIRS})
  foreach(f parser.c scanner.c)
    if(EXISTS ${TS_NODE_MODULES}/${dir}/${f})
      list(APPEND TS_SOURCES ${TS_NODE_MODULES}/${dir}/${f})
    endif()
  endforeach()
endforeach()

foreach(src ${TS_SOURCES})
  file(RELATIVE_PATH _rel ${TS_NODE_MODULES} ${src})
  if(NOT _rel IN_LIST _ts_pinned)
    message(FATAL_ERROR "tree-sitter source ${_rel} is compiled but not pinned in ${TS_SOURCES_SHA256}")
  endif()
endforeach()

# Several grammars share file names (parser.c, scanner.c); an object library per grammar keeps
# their include directories (each grammar's own tree_sitter/parser.h) apart.
add_library(ccscan_treesitter STATIC ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c)
target_include_directories(ccscan_treesitter SYSTEM PUBLIC ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/include)
target_include_directories(ccscan_treesitter PRIVATE ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src)
target_compile_definitions(ccscan_treesitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set(_ts_index 0)
foreach(dir ${TS_GRAMMAR_DIRS})
  set(_srcs)
  foreach(f parser.c scanner.c)
    if(EXISTS ${TS_NODE_MODULES}/${dir}/${f})
      list(APPEND _srcs ${TS_NODE_MODULES}/${dir}/${f})
    endif()
  endforeach()
  add_library(ccscan_ts_grammar_${_ts_index} OBJECT ${_srcs})
  target_include_directories(ccscan_ts_grammar_${_ts_index} PRIVATE ${TS_NODE_MODULES}/${dir})
  # Generated code: no warnings, always optimised (parse tables dominate parse time).
  target_compile_options(ccscan_ts_grammar_${_ts_index} PRIVATE -w -O2)
  set_target_properties(ccscan_ts_grammar_${_ts_index} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_sources(ccscan_treesitter PRIVATE $<TARGET_OBJECTS:ccscan_ts_grammar_${_ts_index}>)
  math(EXPR _ts_index "${_ts_index} + 1")
endforeach()
target_compile_options(ccscan_treesitter PRIVATE -w -O2)
