# SPDX-License-Identifier: MIT
# Warnings, ccache and shared definitions for every target of the project.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # Precompiled headers change between builds by timestamp; let ccache accept them. Paths are
  # hashed relative to the source tree so that several build folders share one cache.
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND}" -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      "CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}" "CCACHE_NOHASHDIR=1"
      "${CCACHE_PROGRAM}")
endif()

add_library(peft_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(peft_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports std::string concatenation inside libstdc++ as out-of-bounds memcpy at -O2
    # (GCC bugs 105329 and 105651); the warnings point into <bits/char_traits.h>, not our code.
    target_compile_options(peft_warnings INTERFACE -Wno-stringop-overflow -Wno-array-bounds -Wno-restrict)
  endif()
  if(PEFT_WARNINGS_AS_ERRORS)
    target_compile_options(peft_warnings INTERFACE -Werror)
  endif()
endif()

# Qt code: strict string conversions and no `slots`/`signals` keywords (they clash with LibTorch).
add_library(peft_qt_defs INTERFACE)
target_compile_definitions(peft_qt_defs INTERFACE
  QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER)
