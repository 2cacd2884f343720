# SPDX-License-Identifier: MIT
# Finds LibTorch and exposes it as the imported target `peft_torch`.
#
# Order: find_package(Torch) — official LibTorch archives and pip's torch (CUDA included) ship
# TorchConfig.cmake; point CMAKE_PREFIX_PATH at `torch.utils.cmake_prefix_path`. Debian's
# libtorch-dev ships a TorchConfig.cmake that may not resolve on every layout, so when it does not
# give a usable include directory we locate the headers and the torch, torch_cpu and c10
# libraries ourselves.

find_package(Torch QUIET)

set(_peft_torch_ok FALSE)
if(Torch_FOUND OR TORCH_FOUND)
  foreach(_dir IN LISTS TORCH_INCLUDE_DIRS)
    if(EXISTS "${_dir}/torch/torch.h")
      set(_peft_torch_ok TRUE)
    endif()
  endforeach()
endif()

add_library(peft_torch INTERFACE)
if(_peft_torch_ok)
  message(STATUS "LibTorch: TorchConfig.cmake (${TORCH_INCLUDE_DIRS})")
  target_link_libraries(peft_torch INTERFACE ${TORCH_LIBRARIES})
  target_include_directories(peft_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
  if(TORCH_CXX_FLAGS)
    separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
    target_compile_options(peft_torch INTERFACE ${_torch_flags})
  endif()
else()
  find_path(PEFT_TORCH_API_INCLUDE torch/torch.h
    PATHS /usr/include/torch/csrc/api/include /usr/local/include/torch/csrc/api/include
    REQUIRED)
  get_filename_component(_torch_root "${PEFT_TORCH_API_INCLUDE}/../../../.." ABSOLUTE)
  find_library(PEFT_TORCH_LIB torch REQUIRED)
  find_library(PEFT_TORCH_CPU_LIB torch_cpu REQUIRED)
  find_library(PEFT_C10_LIB c10 REQUIRED)
  message(STATUS "LibTorch: located by hand (${_torch_root}, ${PEFT_TORCH_CPU_LIB})")
  target_include_directories(peft_torch SYSTEM INTERFACE "${_torch_root}" "${PEFT_TORCH_API_INCLUDE}")
  # Linking libtorch with --no-as-needed keeps its operator registrations alive.
  target_link_libraries(peft_torch INTERFACE
    "-Wl,--no-as-needed" ${PEFT_TORCH_LIB} ${PEFT_TORCH_CPU_LIB} ${PEFT_C10_LIB} "-Wl,--as-needed")
endif()
