# tree-sitter runtime and grammars, compiled from the C sources that `npm ci --ignore-scripts`
# puts under third_party/tree-sitter/node_modules (pinned by the committed package-lock.json).
set(TS_NODE_MODULES ${CMAKE_SOURCE_DIR}/third_party/tree-sitter/node_modules)
if(NOT EXISTS ${TS_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c)
  message(FATAL_ERROR "tree-sitter sources missing: run `make deps` (npm ci --ignore-scripts in third_party/tree-sitter)")
endif()

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
