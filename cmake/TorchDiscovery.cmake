# SPDX-License-Identifier: MIT
# Finds LibTorch and exposes it as the imported target `peft_torch`.
#
# Order: find_package(Torch) — official LibTorch archives and pip's torch (CUDA included) ship
# TorchConfig.cmake; point CMAKE_PREFIX_PATH at `torch.utils.cmake_prefix_path`. Debian's
# libtorch-dev ships a TorchConfig.cmake that may not resolve on every layout, so when it does not
# give a usable include directory we locate the headers and the torch, torch_cpu and c10
# libraries ourselves (under PEFT_TORCH_ROOT when set, e.g. pip's torch folder, where
# TorchConfig.cmake cannot find a matching CUDA toolkit: configure with
# -DCMAKE_DISABLE_FIND_PACKAGE_Torch=ON -DPEFT_TORCH_ROOT=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')).

set(PEFT_TORCH_ROOT "" CACHE PATH "LibTorch folder (include/ and lib/) to use when TorchConfig.cmake does not resolve")
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
# pip's LibTorch (a manylinux build) exports its own copies of libstdc++'s std::filesystem; listed
# before libstdc++ they interpose the system's, and remove_all jumped to address 0 in the export
# tests on the GPU machine. Naming libstdc++ first makes every program use the system's.
target_link_libraries(peft_torch INTERFACE "-Wl,--push-state,--no-as-needed" stdc++ "-Wl,--pop-state")
if(_peft_torch_ok)
  message(STATUS "LibTorch: TorchConfig.cmake (${TORCH_INCLUDE_DIRS}; flags: ${TORCH_CXX_FLAGS})")
  target_link_libraries(peft_torch INTERFACE ${TORCH_LIBRARIES})
  target_include_directories(peft_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
  if(TORCH_CXX_FLAGS)
    separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
    target_compile_options(peft_torch INTERFACE ${_torch_flags})
  endif()
else()
  set(_torch_hints)
  if(PEFT_TORCH_ROOT)
    set(_torch_hints HINTS "${PEFT_TORCH_ROOT}/include/torch/csrc/api/include")
    set(_torch_lib_hints HINTS "${PEFT_TORCH_ROOT}/lib" NO_DEFAULT_PATH)
  endif()
  find_path(PEFT_TORCH_API_INCLUDE torch/torch.h ${_torch_hints}
    PATHS /usr/include/torch/csrc/api/include /usr/local/include/torch/csrc/api/include
    REQUIRED)
  get_filename_component(_torch_root "${PEFT_TORCH_API_INCLUDE}/../../../.." ABSOLUTE)
  find_library(PEFT_TORCH_LIB torch ${_torch_lib_hints} REQUIRED)
  find_library(PEFT_TORCH_CPU_LIB torch_cpu ${_torch_lib_hints} REQUIRED)
  find_library(PEFT_C10_LIB c10 ${_torch_lib_hints} REQUIRED)
  # CUDA builds: the CUDA half of LibTorch and c10 (absent from CPU builds such as Debian's).
  find_library(PEFT_TORCH_CUDA_LIB torch_cuda ${_torch_lib_hints})
  find_library(PEFT_C10_CUDA_LIB c10_cuda ${_torch_lib_hints})
  set(_torch_libs ${PEFT_TORCH_LIB} ${PEFT_TORCH_CPU_LIB} ${PEFT_C10_LIB})
  if(PEFT_TORCH_CUDA_LIB AND PEFT_C10_CUDA_LIB)
    list(APPEND _torch_libs ${PEFT_TORCH_CUDA_LIB} ${PEFT_C10_CUDA_LIB})
    set(_torch_kind "CUDA")
  else()
    set(_torch_kind "CPU")
  endif()
  message(STATUS "LibTorch: located by hand (${_torch_root}, ${PEFT_TORCH_CPU_LIB}, ${_torch_kind})")
  target_include_directories(peft_torch SYSTEM INTERFACE "${_torch_root}" "${PEFT_TORCH_API_INCLUDE}")
  # Linking libtorch with --no-as-needed keeps its operator registrations alive.
  target_link_libraries(peft_torch INTERFACE "-Wl,--no-as-needed" ${_torch_libs} "-Wl,--as-needed")
  if(PEFT_TORCH_ROOT)
    set_property(TARGET peft_torch APPEND PROPERTY INTERFACE_LINK_OPTIONS "-Wl,-rpath,${PEFT_TORCH_ROOT}/lib")
  endif()
endif()
